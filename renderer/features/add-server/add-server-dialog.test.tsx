import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { failure, success } from '../../testing/fake-api.ts';
import { installJsdomShims } from '../object-picker/testing/jsdom-shims.ts';
import { checkSharePointName, setUpAddDialog, spAccount, spAccountElsewhere } from './testing/add-dialog-setup.tsx';

describe('AddServerDialog', () => {
  beforeAll(() => {
    installJsdomShims();
  });

  it('shows the findings under their headings with the resolved object', async () => {
    const { user } = setUpAddDialog();
    await checkSharePointName(user);
    expect(screen.getByRole('heading', { name: 'Warnings' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Information' })).toBeInTheDocument();
    expect(screen.getAllByRole('definition').map((value) => value.textContent)).toEqual(['CORP\\svc-sp', 'User', 'corp.contoso.test/Servers']);
  });

  it('asks which object was meant when the name is ambiguous, and checks the one chosen', async () => {
    const { api, user } = setUpAddDialog({
      'directory:resolve-names': () => success([{ status: 'ambiguous', input: 'svc-sp', candidates: [spAccount, spAccountElsewhere] }]),
    });
    await user.click(screen.getByRole('radio', { name: 'SharePoint Server' }));
    await user.type(screen.getByRole('textbox', { name: 'Object name' }), 'svc-sp{Enter}');
    const chooser = await screen.findByRole('dialog', { name: 'Multiple names found' });
    const grid = within(chooser).getByRole('grid', { name: 'Matching objects' });
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Name', 'Logon name', 'Type', 'In Folder']);
    await waitFor(() => {
      expect(within(grid).getAllByRole('row')[1]).toHaveFocus();
    });
    expect(within(grid).getAllByRole('row')[1]).toHaveAttribute('aria-selected', 'true');
    expect(within(chooser).getByRole('button', { name: 'OK' })).toBeEnabled();
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => {
      expect(screen.queryByRole('dialog', { name: 'Multiple names found' })).not.toBeInTheDocument();
    });
    expect(api.calls.find((call) => call.channel === 'servers:check')?.request).toEqual({
      role: 'sharepoint',
      sid: spAccountElsewhere.sid,
      operationId: expect.any(String),
    });
  });

  it('shows NOT_FOUND with the reason when nothing matches', async () => {
    const { user } = setUpAddDialog({
      'directory:resolve-names': () => success([{ status: 'not-found', input: 'svc-xx', reason: 'No user, computer or group is named svc-xx.' }]),
    });
    await user.click(screen.getByRole('radio', { name: 'SharePoint Server' }));
    await user.type(screen.getByRole('textbox', { name: 'Object name' }), 'svc-xx{Enter}');
    expect(await screen.findByText('No user, computer or group is named svc-xx.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Errors' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('tells the page to reload and closes when the list changed before saving', async () => {
    const { user, onListChanged, onClose, onAdded } = setUpAddDialog({
      'servers:add': () => failure({ code: 'LIST_CHANGED', source: 'console', title: 'The list changed', message: 'Reload.' }),
    });
    await checkSharePointName(user);
    await user.click(screen.getByRole('checkbox', { name: /^I understand/ }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => {
      expect(onListChanged).toHaveBeenCalled();
    });
    expect({ closed: onClose.mock.calls.length, added: onAdded.mock.calls.length }).toEqual({ closed: 1, added: 0 });
  });

  it('shows a refused save in the dialog and stays open', async () => {
    const { user, onClose } = setUpAddDialog({
      'servers:add': () => failure({ code: 'POLICY_REFUSED', source: 'service', title: 'The service refused the grant', message: 'Another admin blocked it.' }),
    });
    await checkSharePointName(user);
    await user.click(screen.getByRole('checkbox', { name: /^I understand/ }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The service refused the grant')).toBeInTheDocument();
    expect(screen.getByText('Another admin blocked it.')).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('clears the findings when the role changes after the check', async () => {
    const { user } = setUpAddDialog();
    await checkSharePointName(user);
    await user.click(screen.getByRole('radio', { name: 'File server using FCI' }));
    expect(screen.queryByRole('checkbox', { name: /^I understand/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('checks a browsed object by its SID and shows its label', async () => {
    const { api, user } = setUpAddDialog({
      'directory:search-start': () => success({ searchId: '9d3c2b1a-0f4e-4d5c-8b7a-6e5f4d3c2b1a', objects: [spAccount], done: true }),
      'directory:search-close': () => success({ closed: true }),
    });
    await user.click(screen.getByRole('radio', { name: 'SharePoint Server' }));
    await user.click(screen.getByRole('button', { name: 'Browse…' }));
    const picker = await screen.findByRole('dialog', { name: 'Select Users, Computers, Service Accounts, or Groups' });
    await user.click(within(picker).getByRole('button', { name: 'Find Now' }));
    await user.dblClick(await within(picker).findByRole('row', { name: /svc-sp/ }));
    await screen.findByRole('checkbox', { name: /^I understand/ });
    expect(api.calls.some((call) => call.channel === 'directory:resolve-names')).toBe(false);
    expect(screen.getByRole('textbox', { name: 'Object name' })).toHaveValue('CORP\\svc-sp');
  });
});
