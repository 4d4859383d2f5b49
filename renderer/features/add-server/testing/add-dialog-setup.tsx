import userEvent from '@testing-library/user-event';
import { screen } from '@testing-library/react';
import { useState } from 'react';
import { vi } from 'vitest';
import type { AddServerResult } from '../../../../contract/index.ts';
import { createFakeApi, success, type FakeHandlers } from '../../../testing/fake-api.ts';
import { directoryObject, finding, serverCheck } from '../../object-picker/testing/directory-fixtures.ts';
import { renderWithApi } from '../../object-picker/testing/render-with-api.tsx';
import { AddServerDialog } from '../add-server-dialog.tsx';

/** A SharePoint service account (disabled, so its check carries a warning). */
export const spAccount = directoryObject(1201, { name: 'svc-sp', kind: 'user', group: undefined, disabled: true });
/** Another account of the same name, in another folder (an ambiguous name). */
export const spAccountElsewhere = directoryObject(1202, { name: 'svc-sp', kind: 'user', group: undefined, inFolder: 'corp.contoso.test/Legacy' });
const spCheck = serverCheck(spAccount, 'sharepoint', [
  finding('ACCOUNT_DISABLED', 'warning', 'The account is disabled.'),
  finding('SHAREPOINT_BOTH_ACCOUNTS', 'info'),
]);
/** What the fake `servers:add` answers. */
export const added: AddServerResult = {
  entry: {
    id: '7b0e4a52-3f55-4d6c-9a0e-8f0c1d2e3f40',
    sid: spAccount.sid,
    name: 'CORP\\svc-sp',
    role: 'sharepoint',
    kind: 'user',
    addedBy: 'CORP\\admin',
    addedAt: '2026-11-22T10:00:00.000Z',
  },
  version: 8,
  versionTag: 'v8',
  superUserFeatureEnabled: false,
  findings: [],
};

/**
 * Render the open add dialog over a fake API whose names resolve to {@link spAccount}.
 *
 * Returns the fake (to assert calls), the callbacks as spies and a user-event session.
 */
export function setUpAddDialog(handlers: FakeHandlers = {}) {
  const api = createFakeApi({
    'directory:resolve-names': (request) => success([{ status: 'resolved', input: request.names[0] ?? '', object: spAccount }]),
    'servers:check': () => success(spCheck),
    'servers:add': () => success(added),
    'operation:cancel': () => success({ cancelled: true }),
    ...handlers,
  });
  const props = { onClose: vi.fn<() => void>(), onAdded: vi.fn<(result: AddServerResult) => void>(), onListChanged: vi.fn<() => void>() };
  renderWithApi(api, <AddServerDialog open versionTag="v7" {...props} />);
  return { api, ...props, user: userEvent.setup() };
}

/** Choose SharePoint, type the account's name, Enter, and wait for its warning. */
export async function checkSharePointName(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(screen.getByRole('radio', { name: 'SharePoint Server' }));
  await user.type(screen.getByRole('textbox', { name: 'Object name' }), 'CONTOSO\\svc-sp{Enter}');
  await screen.findByRole('checkbox', { name: /^I understand/ });
}

/** The servers page's part: an Add… button that opens the dialog. */
export function AddButtonHarness() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setOpen(true);
        }}
      >
        Add…
      </button>
      <AddServerDialog
        open={open}
        versionTag="v7"
        onClose={() => {
          setOpen(false);
        }}
        onAdded={() => undefined}
        onListChanged={() => undefined}
      />
    </>
  );
}
