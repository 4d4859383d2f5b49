import '../testing/dom-shims.ts';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleDefaults } from '../../contract/index.ts';
import { createAppStores } from '../stores/app-stores.ts';
import { makeDefaults, makeEntries, makeServerList, makeSession } from '../testing/console-fixtures.ts';
import { stubElementSize } from '../testing/dom-shims.ts';
import { createFakeApi, success, type FakeHandlers } from '../testing/fake-api.ts';
import { ConsoleRoot } from './console-root.tsx';

const defaults: ConsoleDefaults = makeDefaults({ username: '' });

function renderApp(handlers: FakeHandlers) {
  const api = createFakeApi({ 'console:get-defaults': () => success(defaults), 'servers:list': () => success(makeServerList(makeEntries(2))), ...handlers });
  const stores = createAppStores(api);
  render(<ConsoleRoot api={api} stores={stores} />);
  return { api, stores, user: userEvent.setup() };
}

let restoreSize: () => void = () => undefined;
beforeEach(() => {
  restoreSize = stubElementSize({ width: 1400, height: 600 });
});
afterEach(() => {
  restoreSize();
});

describe('App', () => {
  it('tells native controls the colour scheme of the theme (light here)', async () => {
    renderApp({ 'session:current': () => success(null) });
    await screen.findByRole('heading', { level: 1, name: 'Sign in to the connector configuration' });
    expect(document.documentElement.style.colorScheme).toBe('light');
  });

  it('shows the sign-in page when main has no session to resume', async () => {
    renderApp({ 'session:current': () => success(null) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to the connector configuration' })).toBeInTheDocument();
  });

  it('names the signed-in admin DOMAIN\\sam from the directory, not by the UPN typed at sign-in', async () => {
    const session = makeSession();
    renderApp({
      'session:current': () => success({ ...session, admin: { ...session.admin, name: 'alice@corp.contoso.test', account: 'CORP\\alice' } }),
    });
    expect(await screen.findByText('Signed in as CORP\\alice')).toBeInTheDocument();
  });

  it('resumes a session: header, the Views tabs, and the servers list first', async () => {
    renderApp({ 'session:current': () => success(makeSession()) });

    expect(await screen.findByText('Signed in as CORP\\admin')).toBeInTheDocument();
    const tablist = screen.getByRole('tablist', { name: 'Views' });
    // Names by query: Fluent's tabs carry a hidden copy of their label to reserve bold width.
    const names = ['Servers', 'Effective super users', 'List review', 'Audit log', 'Deployment health', 'Configure servers', 'Administration'];
    expect(within(tablist).getAllByRole('tab')).toEqual(names.map((name) => within(tablist).getByRole('tab', { name: new RegExp(`^${name}`) })));
    expect(within(tablist).getByRole('tab', { name: /^Servers/ })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('heading', { level: 1, name: 'Servers allowed to utilize the connector' })).toBeInTheDocument();
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
  });

  it('switches views with the tabs', async () => {
    const { user } = renderApp({ 'session:current': () => success(makeSession()) });

    await user.click(await screen.findByRole('tab', { name: /^List review/ }));

    expect(screen.getByRole('heading', { level: 1, name: 'List review' })).toBeInTheDocument();
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName(/^List review/);
  });

  it('signs out back to the sign-in page and forgets the list', async () => {
    const { user, stores } = renderApp({ 'session:current': () => success(makeSession()), 'session:sign-out': () => success({ signedOut: true }) });
    await screen.findByRole('row', { name: /server-00001/ });

    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to the connector configuration' })).toBeInTheDocument();
    expect(stores.servers.getState().entries).toEqual([]);
  });

  it('shows the Demo environment badge and the Help menu in the header of a demo session', async () => {
    renderApp({ 'session:current': () => success(makeSession({ demo: true })) });
    const banner = await screen.findByRole('banner');
    expect(await within(banner).findByText('Demo environment')).toBeInTheDocument();
    expect(await within(banner).findByRole('button', { name: 'Help' })).toBeInTheDocument();
  });

  it('shows no badge for a real session, and no Help menu where logs cannot be opened', async () => {
    renderApp({ 'session:current': () => success(makeSession()), 'console:get-defaults': () => success(makeDefaults({ desktop: { openLogs: false } })) });
    const banner = await screen.findByRole('banner');
    await screen.findByRole('row', { name: /server-00001/ });
    expect(within(banner).queryByText('Demo environment')).not.toBeInTheDocument();
    expect(within(banner).queryByRole('button', { name: 'Help' })).not.toBeInTheDocument();
  });
});
