import '../../testing/dom-shims.ts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Finding, ImportPreview } from '../../../contract/index.ts';
import { createFakeApi, success } from '../../testing/fake-api.ts';
import { renderConsole } from '../../testing/render-console.tsx';
import { ImportButton } from './import-button.tsx';

const superUser: Finding = { code: 'SUPER_USER_GRANT', severity: 'warning', message: 'Every member becomes a super user.', accounts: [] };
const preview: ImportPreview = {
  version: 4,
  versionTag: '"4"',
  added: [{ sid: 'S-1-5-21-1-2-3-1139', role: 'exchange', label: 'CORP\\Exchange Servers', kind: 'group', inFolder: 'corp/Users', findings: [superUser] }],
  removed: [{ sid: 'S-1-5-21-1-2-3-1114', role: 'sharepoint', label: 'CORP\\svc-sp-central', kind: 'user', findings: [] }],
  unchanged: [],
};

describe('ImportDialog', () => {
  it('asks main for a file on opening, shows the preview, and enables Apply once the warning is acknowledged', async () => {
    const api = createFakeApi({
      'import:choose-file': () => success({ status: 'read', fileId: '00000000-0000-4000-8000-000000000001', name: 'servers.json', format: 'json', entries: 1 }),
      'import:preview': () => success(preview),
      'import:progress': () => success(null),
    });
    const user = userEvent.setup();
    renderConsole(<ImportButton />, api);

    await user.click(screen.getByRole('button', { name: 'Import…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import the list from a file' });
    expect(await within(dialog).findByText(/servers\.json: 1 to add, 1 to remove, 0 unchanged\./)).toBeTruthy();
    const apply = within(dialog).getByRole('button', { name: 'Apply' });
    expect(apply.getAttribute('aria-disabled')).toBe('true');
    const entry = within(dialog).getByRole('group', { name: 'CORP\\Exchange Servers as Exchange Server' });
    await user.click(within(entry).getByRole('checkbox', { name: /^I understand/ }));
    expect(apply.getAttribute('aria-disabled')).not.toBe('true');
    expect(within(dialog).getByRole('region', { name: 'To remove (1)' }).textContent).toContain('CORP\\svc-sp-central');
  });
});
