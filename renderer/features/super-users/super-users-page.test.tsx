import '../../testing/dom-shims.ts';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryObject, EffectiveSuperUsers, IpcResult } from '../../../contract/index.ts';
import { stubElementSize } from '../../testing/dom-shims.ts';
import { createFakeApi, success } from '../../testing/fake-api.ts';
import { renderConsole } from '../../testing/render-console.tsx';
import { SuperUsersPage } from './super-users-page.tsx';

const exchangeHost: DirectoryObject = {
  sid: 'S-1-5-21-1-2-3-1105',
  guid: '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d',
  distinguishedName: 'CN=EX01,OU=Servers,DC=corp,DC=contoso,DC=test',
  name: 'EX01$',
  kind: 'computer',
  disabled: false,
  servicePrincipalNames: [],
  canonicalName: 'corp.contoso.test/Servers/EX01',
  inFolder: 'corp.contoso.test/Servers',
};
const answer: EffectiveSuperUsers = {
  superUsers: [
    {
      account: exchangeHost,
      grants: [
        {
          entry: { sid: 'S-1-5-21-1-2-3-1200', name: 'CORP\\Exchange Servers', role: 'exchange' },
          path: ['CORP\\Exchange Servers', 'EX01$'],
          throughPrimaryGroup: false,
        },
      ],
    },
  ],
  orphanedEntries: [],
  listVersion: 5,
};

let restoreSize: () => void = () => undefined;
beforeEach(() => {
  restoreSize = stubElementSize({ width: 1400, height: 600 });
});
afterEach(() => {
  restoreSize();
});

describe('SuperUsersPage', () => {
  it('expands the Exchange entries when first shown and lists every super user with its path', async () => {
    renderConsole(<SuperUsersPage />, createFakeApi({ 'review:super-users': () => success(answer) }));

    const row = await screen.findByRole('row', { name: /EX01\$/ });
    expect(row).toHaveTextContent('Computer');
    expect(row).toHaveTextContent('CORP\\Exchange Servers › EX01$');
    expect(screen.getByRole('grid', { name: 'Effective super users' })).toBeInTheDocument();
    expect(screen.getByText(/1 account can open all protected content/)).toBeInTheDocument();
  });

  it('shows progress with Cancel while expanding, and cancels the operation', async () => {
    const api = createFakeApi({
      'review:super-users': () => new Promise<IpcResult<EffectiveSuperUsers>>(() => undefined),
      'operation:cancel': () => success({ cancelled: true }),
    });
    renderConsole(<SuperUsersPage />, api);

    expect(await screen.findByText('Expanding the Exchange entries…')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    await waitFor(() => {
      expect(api.calls.map((call) => call.channel)).toEqual(['review:super-users', 'operation:cancel']);
    });
    expect(screen.queryByText('Expanding the Exchange entries…')).not.toBeInTheDocument();
  });
});
