import '../../testing/dom-shims.ts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { IpcResult, KerberosProbe } from '../../../contract/index.ts';
import { makeDefaults, makeSession } from '../../testing/console-fixtures.ts';
import { createFakeApi, failure, success, type FakeHandlers } from '../../testing/fake-api.ts';
import { renderConsole } from '../../testing/render-console.tsx';
import { SignInPage } from './sign-in-page.tsx';

const AVAILABLE: KerberosProbe = { available: true, account: 'CORP\\alice', displayName: 'Alice Anders', principal: 'alice@CORP.CONTOSO.TEST' };
const NO_TICKET: KerberosProbe = { available: false, code: 'KERBEROS_NO_TICKET', title: 'No Kerberos ticket', message: 'Run kinit.' };

function setup(probe: () => IpcResult<KerberosProbe> | Promise<IpcResult<KerberosProbe>>, handlers: FakeHandlers = {}) {
  const api = createFakeApi({
    'console:get-defaults': () => success(makeDefaults()),
    'session:probe-kerberos': probe,
    'operation:cancel': () => success({ cancelled: true }),
    ...handlers,
  });
  const view = renderConsole(<SignInPage />, api);
  return { api, ...view, user: userEvent.setup() };
}

describe('signing in with Kerberos', () => {
  it('offers "Sign in as CORP\\alice" when a ticket is available and signs in with no name or password', async () => {
    const { api, user, stores } = setup(() => success(AVAILABLE), { 'session:sign-in': () => success(makeSession()) });

    await user.click(await screen.findByRole('button', { name: 'Sign in as CORP\\alice' }));

    await waitFor(() => {
      expect(stores.session.getState().session).toEqual(makeSession());
    });
    expect([
      api.calls.find((call) => call.channel === 'session:probe-kerberos')?.request,
      api.calls.find((call) => call.channel === 'session:sign-in')?.request,
    ]).toEqual([
      { directory: { mode: 'domain', domain: 'corp.contoso.test', transport: 'ldaps' }, operationId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      {
        method: 'kerberos',
        environment: 'AzureCloud',
        serviceUrl: 'https://connector.contoso.test',
        directory: { mode: 'domain', domain: 'corp.contoso.test', transport: 'ldaps' },
        operationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
    ]);
    expect(screen.queryByRole('textbox', { name: 'User name' })).not.toBeInTheDocument();
  });

  it('shows the password form one click away, and goes back, moving focus each time', async () => {
    const { user } = setup(() => success(AVAILABLE));
    await user.click(await screen.findByRole('button', { name: 'Sign in with a password' }));

    expect(screen.getByRole('textbox', { name: 'User name' })).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Sign in as CORP\\alice' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign in as CORP\\alice instead' }));

    expect(screen.getByRole('button', { name: 'Sign in as CORP\\alice' })).toHaveFocus();
  });

  it('sends the service principal typed under Advanced', async () => {
    const { api, user } = setup(() => success(AVAILABLE), { 'session:sign-in': () => success(makeSession()) });
    await screen.findByRole('button', { name: 'Sign in as CORP\\alice' });
    await user.click(screen.getByRole('button', { name: 'Advanced' }));
    await user.type(screen.getByRole('textbox', { name: 'Service principal (optional)' }), 'HTTP/rmscon01.corp.contoso.test{Enter}');

    await waitFor(() => {
      expect(api.calls.find((call) => call.channel === 'session:sign-in')?.request).toMatchObject({
        method: 'kerberos',
        servicePrincipal: 'HTTP/rmscon01.corp.contoso.test',
      });
    });
  });

  it('shows a Kerberos failure at the top, above the button, and focuses it', async () => {
    const { user } = setup(() => success(AVAILABLE), {
      'session:sign-in': () =>
        failure({ code: 'KERBEROS_TICKET_EXPIRED', source: 'directory', title: 'Your Kerberos ticket has expired', message: 'Run kinit again.' }),
    });
    const button = await screen.findByRole('button', { name: 'Sign in as CORP\\alice' });
    await user.click(button);

    const region = await screen.findByRole('region', { name: 'Sign-in problem' });
    expect(within(region).getByText('Your Kerberos ticket has expired')).toBeInTheDocument();
    expect(region.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await waitFor(() => {
      expect(region.querySelector('[role="alert"]')).toHaveFocus();
    });
  });

  it('shows the password form with a quiet note when there is no ticket', async () => {
    setup(() => success(NO_TICKET));

    expect(await screen.findByText('Kerberos sign-in is not offered: No Kerberos ticket.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'User name' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Sign in as/ })).not.toBeInTheDocument();
  });

  it('keeps the password form once the admin has started typing, offering Kerberos as a link', async () => {
    let answer: (result: IpcResult<KerberosProbe>) => void = () => undefined;
    const { user } = setup(
      () =>
        new Promise((resolve) => {
          answer = resolve;
        }),
    );
    await user.type(await screen.findByRole('textbox', { name: 'User name' }), 'x');
    answer(success(AVAILABLE));

    expect(await screen.findByRole('button', { name: 'Sign in as CORP\\alice instead' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'User name' })).toHaveValue('CORP\\adminx');
  });
});
