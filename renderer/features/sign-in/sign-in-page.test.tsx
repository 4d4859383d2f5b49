import '../../testing/dom-shims.ts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ConsoleDefaults, IpcResult, SessionSummary } from '../../../contract/index.ts';
import { makeDefaults, makeSession } from '../../testing/console-fixtures.ts';
import { createFakeApi, failure, success, type FakeHandlers } from '../../testing/fake-api.ts';
import { renderConsole } from '../../testing/render-console.tsx';
import { SignInPage } from './sign-in-page.tsx';

const defaults: ConsoleDefaults = makeDefaults();

function setup(handlers: FakeHandlers) {
  const api = createFakeApi({ 'console:get-defaults': () => success(defaults), ...handlers });
  const view = renderConsole(<SignInPage />, api);
  return { api, ...view, user: userEvent.setup() };
}

async function prefilled() {
  await waitFor(() => {
    expect(screen.getByRole('textbox', { name: 'User name' })).toHaveValue('CORP\\admin');
  });
}

describe('SignInPage', () => {
  it('signs in with the prefilled settings when Enter is pressed in the password field', async () => {
    const { api, user, stores } = setup({ 'session:sign-in': () => success(makeSession()) });
    await prefilled();

    await user.type(screen.getByLabelText(/^Password/), 'secret{Enter}');

    await waitFor(() => {
      expect(stores.session.getState().session).toEqual(makeSession());
    });
    const call = api.calls.find((entry) => entry.channel === 'session:sign-in');
    expect(call?.request).toEqual({
      environment: 'AzureCloud',
      serviceUrl: 'https://connector.contoso.test',
      username: 'CORP\\admin',
      password: 'secret',
      directory: { mode: 'domain', domain: 'corp.contoso.test', transport: 'ldaps' },
      operationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('shows the error title and message in the Sign-in problem region, focuses it and clears the password', async () => {
    const { user } = setup({
      'session:sign-in': () =>
        failure({ code: 'INVALID_CREDENTIALS', source: 'directory', title: 'The user name or password is wrong', message: 'Check them and sign in again.' }),
    });
    await prefilled();
    const password = screen.getByLabelText(/^Password/);

    await user.type(password, 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const region = await screen.findByRole('region', { name: 'Sign-in problem' });
    expect(within(region).getByText('The user name or password is wrong')).toBeInTheDocument();
    expect(within(region).getByText(/Check them and sign in again\./)).toBeInTheDocument();
    expect(within(region).getByText('Code: INVALID_CREDENTIALS')).toBeInTheDocument();
    await waitFor(() => {
      expect(region.querySelector('[role="alert"]')).toHaveFocus();
    });
    expect(password).toHaveValue('');
  });

  it('focuses the first missing required field instead of calling main', async () => {
    const { api, user } = setup({});
    await prefilled();

    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(screen.getByLabelText(/^Password/)).toHaveFocus();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(api.calls.map((call) => call.channel).filter((channel) => channel !== 'session:probe-kerberos')).toEqual(['console:get-defaults']);
  });

  it('shows progress while signing in and cancels with the same operation id', async () => {
    const pending = new Promise<IpcResult<SessionSummary>>(() => undefined);
    const { api, user } = setup({ 'session:sign-in': () => pending, 'operation:cancel': () => success({ cancelled: true }) });
    await prefilled();
    await user.type(screen.getByLabelText(/^Password/), 'secret{Enter}');

    expect(await screen.findByText('Signing in…')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    const signIn = api.calls.find((call) => call.channel === 'session:sign-in')?.request as { operationId: string };
    expect(api.calls.at(-1)).toEqual({ channel: 'operation:cancel', request: { operationId: signIn.operationId } });
    expect(screen.queryByText('Signing in…')).not.toBeInTheDocument();
  });

  it('shows the chosen environment’s service URL under Advanced', async () => {
    const { user } = setup({});
    await prefilled();

    await user.click(screen.getByRole('button', { name: 'Advanced' }));
    expect(screen.getByRole('textbox', { name: 'Service URL' })).toHaveValue('https://connector.contoso.test');
    await user.click(screen.getByRole('combobox', { name: 'Cloud environment' }));
    await user.click(screen.getByRole('option', { name: /AzureChinaCloud/ }));

    expect(screen.getByRole('textbox', { name: 'Service URL' })).toHaveValue('https://connector.contoso.cn');
  });
});
