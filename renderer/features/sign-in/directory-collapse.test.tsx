import '../../testing/dom-shims.ts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ConsoleDefaults } from '../../../contract/index.ts';
import { makeDefaults } from '../../testing/console-fixtures.ts';
import { createFakeApi, failure, success, type FakeHandlers } from '../../testing/fake-api.ts';
import { renderConsole } from '../../testing/render-console.tsx';
import { SignInPage } from './sign-in-page.tsx';

function setup(defaults: ConsoleDefaults, handlers: FakeHandlers = {}) {
  const api = createFakeApi({
    'console:get-defaults': () => success(defaults),
    'session:probe-kerberos': () => success({ available: false, code: 'KERBEROS_NO_TICKET', title: 'No Kerberos ticket', message: 'Run kinit.' }),
    ...handlers,
  });
  renderConsole(<SignInPage />, api);
  return { user: userEvent.setup() };
}

function directoryGroup() {
  return screen.getByRole('group', { name: 'Directory' });
}

describe('the Directory group on the sign-in form', () => {
  it('shows configured settings as one line with Change…, which opens them and focuses the first field', async () => {
    const { user } = setup(makeDefaults());
    const change = await screen.findByRole('button', { name: 'Change…' });
    expect([within(directoryGroup()).queryByRole('textbox', { name: /^Domain/ }), change.getAttribute('aria-describedby')]).toEqual([
      null,
      screen.getByText('Domain corp.contoso.test (LDAPS)').id,
    ]);

    await user.click(change);

    expect(within(directoryGroup()).getByRole('textbox', { name: /^Domain/ })).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Change…' })).not.toBeInTheDocument();
  });

  it('is open from the start when nothing is configured', async () => {
    setup(makeDefaults({ directory: { ...makeDefaults().directory, domain: '' } }));
    expect(await screen.findByRole('textbox', { name: /^Domain/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Change…' })).not.toBeInTheDocument();
  });

  it('opens when the directory refuses its settings, with the error at the top of the form, focused', async () => {
    const { user } = setup(makeDefaults(), {
      'session:sign-in': () =>
        failure({ code: 'CERT_NAME_MISMATCH', source: 'directory', title: 'The certificate name does not match', message: 'Set the expected server name.' }),
    });
    await user.type(await screen.findByLabelText(/^Password/), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    await waitFor(() => {
      expect(alert).toHaveFocus();
    });
    const environment = screen.getByRole('combobox', { name: 'Cloud environment' });
    expect([
      Boolean(alert.compareDocumentPosition(environment) & Node.DOCUMENT_POSITION_FOLLOWING),
      within(directoryGroup()).getByRole('textbox', { name: 'Expected server name' }) instanceof HTMLInputElement,
    ]).toEqual([true, true]);
  });

  it("stays closed for the admin's own wrong password", async () => {
    const { user } = setup(makeDefaults(), {
      'session:sign-in': () => failure({ code: 'INVALID_CREDENTIALS', source: 'service', title: 'The user name or password is wrong', message: 'Check them.' }),
    });
    await user.type(await screen.findByLabelText(/^Password/), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByRole('alert');
    expect(screen.getByRole('button', { name: 'Change…' })).toBeInTheDocument();
  });
});
