import '../../testing/dom-shims.ts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ConsoleDefaults, IpcResult, SessionSummary } from '../../../contract/index.ts';
import { makeDefaults, makeSession } from '../../testing/console-fixtures.ts';
import { createFakeApi, failure, success, type FakeHandlers } from '../../testing/fake-api.ts';
import { renderConsole } from '../../testing/render-console.tsx';
import { SignInPage } from './sign-in-page.tsx';

function setup(defaults: ConsoleDefaults, handlers: FakeHandlers = {}) {
  const api = createFakeApi({ 'console:get-defaults': () => success(defaults), ...handlers });
  const view = renderConsole(<SignInPage />, api);
  return { api, ...view, user: userEvent.setup() };
}

const heading = () => screen.findByRole('heading', { level: 1, name: 'Sign in to the connector configuration' });
const requestOf = (api: ReturnType<typeof setup>['api'], channel: string) => api.calls.find((call) => call.channel === channel)?.request;

describe('the demo environment on the sign-in page', () => {
  it('offers a card on a first start and signs in to the demo with the keyboard', async () => {
    const { api, user, stores } = setup(makeDefaults({ configured: false, username: '' }), { 'demo:start': () => success(makeSession({ demo: true })) });
    await heading();
    const card = screen.getByRole('region', { name: 'Demo environment' });
    expect(within(card).getByText(/Nothing leaves this computer/)).toBeInTheDocument();
    within(card).getByRole('button', { name: 'Try the demo environment' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => {
      expect(stores.session.getState().session).toEqual(makeSession({ demo: true }));
    });
    expect(requestOf(api, 'demo:start')).toEqual({ operationId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('shows a quiet link once configured, and nothing when the demo is not available', async () => {
    setup(makeDefaults());
    await heading();
    expect(screen.queryByRole('region', { name: 'Demo environment' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try the demo environment' })).toBeInTheDocument();
  });

  it('hides the demo where main has none', async () => {
    setup(makeDefaults({ configured: false, demo: { available: false } }));
    await heading();
    expect(screen.queryByRole('button', { name: 'Try the demo environment' })).not.toBeInTheDocument();
  });

  it('shows progress while the demo starts, cancels it, and shows a failure in the Sign-in problem region', async () => {
    const pending = new Promise<IpcResult<SessionSummary>>(() => undefined);
    let answer: () => Promise<IpcResult<SessionSummary>> | IpcResult<SessionSummary> = () => pending;
    const { api, user } = setup(makeDefaults({ configured: false }), { 'demo:start': () => answer(), 'operation:cancel': () => success({ cancelled: true }) });
    await heading();
    await user.click(screen.getByRole('button', { name: 'Try the demo environment' }));
    expect(await screen.findByText('Starting the demo environment…')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    const started = requestOf(api, 'demo:start') as { operationId: string };
    expect(api.calls.at(-1)).toEqual({ channel: 'operation:cancel', request: { operationId: started.operationId } });

    answer = () =>
      failure({ code: 'DEMO_FAILED', source: 'console', title: 'The demo environment could not start', message: 'Try again.', details: ['Port in use.'] });
    await user.click(screen.getByRole('button', { name: 'Try the demo environment' }));
    const region = await screen.findByRole('region', { name: 'Sign-in problem' });
    expect(within(region).getByText('The demo environment could not start')).toBeInTheDocument();
    expect(within(region).getByText('Port in use.')).toBeInTheDocument();
  });
});

describe('remembering the password', () => {
  it('sends rememberPassword when "Remember my password" is checked', async () => {
    const { api, user } = setup(makeDefaults(), { 'session:sign-in': () => success(makeSession()) });
    await heading();
    await user.click(screen.getByRole('checkbox', { name: 'Remember my password' }));
    await user.type(screen.getByLabelText(/^Password/), 'secret{Enter}');
    await waitFor(() => {
      expect(requestOf(api, 'session:sign-in')).toMatchObject({ password: 'secret', rememberPassword: true });
    });
  });

  it('disables the option with the reason as its hint when the vault cannot protect a password', async () => {
    setup(makeDefaults({ passwordVault: { available: false, reason: 'No secret service is running on this computer.' } }));
    await heading();
    expect(screen.getByRole('checkbox', { name: 'Remember my password' })).toBeDisabled();
    expect(screen.getByText('No secret service is running on this computer.')).toBeInTheDocument();
  });

  it('signs in with the remembered password without typing one, and says so in the field', async () => {
    const { api, user } = setup(makeDefaults({ rememberedPassword: true }), { 'session:sign-in': () => success(makeSession()) });
    await heading();
    const password = screen.getByLabelText(/^Password/);
    expect(password).toHaveAttribute('placeholder', 'Remembered password');
    expect(screen.getByText(/A password is remembered for this account/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Remember my password' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => {
      expect(requestOf(api, 'session:sign-in')).toMatchObject({ useRememberedPassword: true });
    });
    expect(requestOf(api, 'session:sign-in')).not.toHaveProperty('password');
  });

  it('forgets the remembered password, then asks for one', async () => {
    const { api, user } = setup(makeDefaults({ rememberedPassword: true }), { 'settings:forget-password': () => success({ forgotten: true }) });
    await heading();
    await user.click(screen.getByRole('button', { name: 'Forget remembered password' }));
    await waitFor(() => {
      expect(screen.queryByRole('button', { name: 'Forget remembered password' })).not.toBeInTheDocument();
    });
    expect(api.calls.map((call) => call.channel)).toContain('settings:forget-password');
    expect(screen.getByLabelText(/^Password/)).not.toHaveAttribute('placeholder');
    expect(screen.getByLabelText(/^Password/)).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
  });

  it('offers Open logs under Help only in the desktop app', async () => {
    const { api, user } = setup(makeDefaults(), { 'app:open-logs': () => success({ opened: true as const }) });
    await heading();
    await user.click(screen.getByRole('button', { name: 'Help' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Open logs' }));
    expect(api.calls.at(-1)).toEqual({ channel: 'app:open-logs', request: {} });
  });

  it('has no Help menu where logs cannot be opened', async () => {
    setup(makeDefaults({ desktop: { openLogs: false } }));
    await heading();
    expect(screen.queryByRole('button', { name: 'Help' })).not.toBeInTheDocument();
  });
});
