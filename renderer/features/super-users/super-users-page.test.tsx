import '../../testing/dom-shims.ts';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleEvent, DirectoryObject, EffectiveSuperUsers, IpcResult } from '../../../contract/index.ts';
import type { SuperUsers } from '../../../contract/super-user-drift.ts';
import { stubElementSize } from '../../testing/dom-shims.ts';
import { createFakeApi, failure, success } from '../../testing/fake-api.ts';
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

const mallory = {
  sid: 'S-1-5-21-1-2-3-2001',
  name: 'CORP\\mallory',
  kind: 'user' as const,
  grants: [
    {
      entrySid: 'S-1-5-21-1-2-3-1200',
      entryName: 'CORP\\Exchange Servers',
      path: ['CORP\\Exchange Servers', 'CORP\\Exchange Inner'],
      throughPrimaryGroup: false,
    },
  ],
  firstSeenAt: '2026-12-05T09:00:00.000Z',
};
const withMallory: EffectiveSuperUsers = {
  ...answer,
  superUsers: [
    ...answer.superUsers,
    {
      account: {
        ...exchangeHost,
        sid: mallory.sid,
        name: 'mallory',
        kind: 'user',
        distinguishedName: 'CN=mallory,DC=corp,DC=contoso,DC=test',
        guid: '1b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d',
      },
      grants: [],
    },
  ],
};
const drifted: SuperUsers = {
  version: 4,
  expandedAt: '2026-12-05T09:00:00.000Z',
  expandedBy: 'RMSCON01',
  listVersion: 5,
  superUsers: [mallory],
  lastReview: null,
  changesSinceReview: [{ change: 'joined', account: mallory, at: '2026-12-05T09:00:00.000Z', node: 'RMSCON01', sequence: 12 }],
};
const reviewed: SuperUsers = {
  ...drifted,
  version: 4,
  lastReview: { at: '2026-12-05T10:00:00.000Z', by: 'CORP\\alice', bySid: null, version: 4 },
  changesSinceReview: [],
};

const superUsersChange: ConsoleEvent = {
  kind: 'change',
  change: {
    summary: 'CORP\\mallory became a super user, through RMSCON01',
    at: '2026-12-05T09:00:00.000Z',
    actor: 'RMSCON01',
    node: 'RMSCON01',
    listVersion: 5,
    touches: ['super-users'],
  },
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
      expect(api.calls.map((call) => call.channel).filter((channel) => channel !== 'super-users:snapshot')).toEqual(['review:super-users', 'operation:cancel']);
    });
    expect(screen.queryByText('Expanding the Exchange entries…')).not.toBeInTheDocument();
  });

  it('shows each change since the review highlighted, with the path and Not a server, and marks the new account in the list', async () => {
    renderConsole(
      <SuperUsersPage />,
      createFakeApi({ 'review:super-users': () => success(withMallory), 'super-users:snapshot': () => success({ kept: true, snapshot: drifted }) }),
    );

    const change = await screen.findByRole('listitem', { name: 'Joined: CORP\\mallory' });
    expect(change).toHaveTextContent('New super user');
    expect(change).toHaveTextContent('Not a server');
    expect(change).toHaveTextContent('on RMSCON01');
    expect(change).toHaveTextContent('CORP\\Exchange Servers › CORP\\Exchange Inner › CORP\\mallory');
    expect(screen.getByText('Never reviewed')).toBeInTheDocument();
    expect(await screen.findByRole('row', { name: /mallory/ })).toHaveTextContent('New since review');
    expect(screen.getByRole('row', { name: /EX01\$/ })).not.toHaveTextContent('New since review');
  });

  it('marks the version shown as reviewed after the confirmation, then shows the section empty', async () => {
    let current = drifted;
    const api = createFakeApi({
      'review:super-users': () => success(withMallory),
      'super-users:snapshot': () => success({ kept: true, snapshot: current }),
      'super-users:review': (request) => {
        current = reviewed;
        return success({ review: { at: '2026-12-05T10:00:00.000Z', by: 'CORP\\alice', bySid: null, version: request.version } });
      },
    });
    renderConsole(<SuperUsersPage />, api);

    await screen.findByRole('listitem', { name: 'Joined: CORP\\mallory' });
    await userEvent.click(screen.getByRole('button', { name: 'Mark as reviewed' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Mark the super users as reviewed?' });
    expect(dialog).toHaveTextContent('You acknowledge 1 change since the last review');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Mark as reviewed' }));

    expect(await screen.findByText(/No changes since the last review\. Marked as reviewed by CORP\\alice\./)).toBeInTheDocument();
    expect(api.calls.find((call) => call.channel === 'super-users:review')?.request).toEqual({ version: 4, operationId: expect.any(String) });
    expect(screen.queryByRole('listitem', { name: 'Joined: CORP\\mallory' })).not.toBeInTheDocument();
  });

  it('shows why a review was refused and the new changes read again', async () => {
    const api = createFakeApi({
      'review:super-users': () => success(answer),
      'super-users:snapshot': () => success({ kept: true, snapshot: drifted }),
      'super-users:review': () =>
        failure({
          code: 'SUPER_USERS_CHANGED',
          source: 'console',
          title: 'The super users changed since you looked',
          message: 'The page shows the new changes.',
        }),
    });
    renderConsole(<SuperUsersPage />, api);

    await screen.findByRole('listitem', { name: 'Joined: CORP\\mallory' });
    await userEvent.click(screen.getByRole('button', { name: 'Mark as reviewed' }));
    await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Mark as reviewed' }));

    expect(await screen.findByText('The super users changed since you looked')).toBeInTheDocument();
    await waitFor(() => {
      expect(api.calls.filter((call) => call.channel === 'super-users:snapshot')).toHaveLength(2);
    });
  });

  it('says so when the service keeps no record of changes, and still lists the expansion', async () => {
    renderConsole(<SuperUsersPage />, createFakeApi({ 'review:super-users': () => success(answer), 'super-users:snapshot': () => success({ kept: false }) }));

    expect(await screen.findByText('This service does not record super-user changes')).toBeInTheDocument();
    expect(await screen.findByRole('row', { name: /EX01\$/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mark as reviewed' })).not.toBeInTheDocument();
  });

  it('reads the snapshot again when a super-users change is pushed, with no click', async () => {
    let current: SuperUsers = reviewed;
    const api = createFakeApi({
      'review:super-users': () => success(withMallory),
      'super-users:snapshot': () => success({ kept: true, snapshot: current }),
    });
    renderConsole(<SuperUsersPage />, api);
    expect(await screen.findByText(/No changes since the last review/)).toBeInTheDocument();

    current = drifted;
    act(() => {
      api.emit(superUsersChange);
    });

    expect(await screen.findByRole('listitem', { name: 'Joined: CORP\\mallory' })).toBeInTheDocument();
  });
});
