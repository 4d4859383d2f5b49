import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFakeApi, success } from '../../testing/fake-api.ts';
import { installJsdomShims } from '../object-picker/testing/jsdom-shims.ts';
import { renderWithApi } from '../object-picker/testing/render-with-api.tsx';
import { AddButtonHarness, added, setUpAddDialog, spAccount, spAccountElsewhere } from './testing/add-dialog-setup.tsx';

describe('AddServerDialog keyboard and focus', () => {
  beforeAll(() => {
    installJsdomShims();
  });

  it('adds a server with the keyboard alone: role, name, Enter, acknowledgement, Save', async () => {
    const { api, user, onAdded, onClose } = setUpAddDialog();
    expect(screen.getByRole('dialog', { name: 'Allow a server to utilize the connector' })).toBeInTheDocument();
    await waitFor(() => {
      expect(screen.getByRole('radio', { name: 'Exchange Server' })).toHaveFocus();
    });
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'SharePoint Server' })).toBeChecked();
    await user.tab();
    expect(screen.getByRole('textbox', { name: 'Object name' })).toHaveFocus();
    await user.keyboard('CONTOSO\\svc-sp{Enter}');
    const acknowledgement = await screen.findByRole('checkbox', { name: /^I understand/ });
    expect(screen.getByText('CORP\\svc-sp')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Check Names' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Browse…' })).toHaveFocus();
    await user.tab();
    expect(acknowledgement).toHaveFocus();
    await user.keyboard(' ');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Save' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => {
      expect(onAdded).toHaveBeenCalledWith(added);
    });
    expect(onClose).toHaveBeenCalled();
    expect(api.calls.find((call) => call.channel === 'servers:add')?.request).toEqual({
      role: 'sharepoint',
      sid: spAccount.sid,
      acknowledged: ['ACCOUNT_DISABLED'],
      versionTag: 'v7',
      operationId: expect.any(String),
    });
  });

  it('closes on Escape', async () => {
    const { user, onClose } = setUpAddDialog();
    await waitFor(() => {
      expect(screen.getByRole('radio', { name: 'Exchange Server' })).toHaveFocus();
    });
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });

  it('returns focus to the Add… button when the dialog closes', async () => {
    const api = createFakeApi({});
    renderWithApi(api, <AddButtonHarness />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add…' }));
    await waitFor(() => {
      expect(screen.getByRole('radio', { name: 'Exchange Server' })).toHaveFocus();
    });
    await user.keyboard('{Escape}');
    await waitFor(() => {
      expect(screen.getByRole('button', { name: 'Add…' })).toHaveFocus();
    });
  });

  it('closes only the innermost dialog on Escape', async () => {
    const { user, onClose } = setUpAddDialog({
      'directory:resolve-names': () => success([{ status: 'ambiguous', input: 'svc-sp', candidates: [spAccount, spAccountElsewhere] }]),
    });
    await user.click(screen.getByRole('radio', { name: 'SharePoint Server' }));
    await user.type(screen.getByRole('textbox', { name: 'Object name' }), 'svc-sp{Enter}');
    await screen.findByRole('dialog', { name: 'Multiple names found' });
    await user.keyboard('{Escape}');
    await waitFor(() => {
      expect(screen.queryByRole('dialog', { name: 'Multiple names found' })).not.toBeInTheDocument();
    });
    expect(screen.getByRole('dialog', { name: 'Allow a server to utilize the connector' })).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });
});
