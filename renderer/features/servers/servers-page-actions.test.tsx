import '../../testing/dom-shims.ts';
import { act, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthorizedAccount } from '../../../contract/index.ts';
import type { SuperUsers } from '../../../contract/super-user-drift.ts';
import { makeEntry, makeServerList } from '../../testing/console-fixtures.ts';
import { stubElementSize } from '../../testing/dom-shims.ts';
import { createFakeApi, success, type FakeHandlers } from '../../testing/fake-api.ts';
import { renderConsole } from '../../testing/render-console.tsx';
import { ServersPage } from './servers-page.tsx';

const exchange = makeEntry(1, { name: 'CORP\\Exchange Servers', role: 'exchange', kind: 'group', addedAt: '2026-12-05T08:00:00.000Z' });
const fileServer = makeEntry(3, { name: 'CORP\\FS01$', role: 'fci', kind: 'computer' });

const snapshot: SuperUsers = {
  version: 2,
  expandedAt: '2026-12-05T09:00:00.000Z',
  expandedBy: 'RMSCON01',
  listVersion: 7,
  superUsers: [
    {
      sid: 'S-1-5-21-1-2-3-2001',
      name: 'CORP\\EX01$',
      kind: 'computer',
      grants: [{ entrySid: exchange.sid, entryName: exchange.name, path: ['Exchange Servers'], throughPrimaryGroup: false }],
      firstSeenAt: '2026-12-05T09:00:00.000Z',
    },
    {
      sid: 'S-1-5-21-1-2-3-2002',
      name: 'CORP\\mallory',
      kind: 'user',
      grants: [{ entrySid: exchange.sid, entryName: exchange.name, path: ['Exchange Servers', 'Exchange Inner'], throughPrimaryGroup: false }],
      firstSeenAt: '2026-12-05T09:00:00.000Z',
    },
  ],
  lastReview: null,
  changesSinceReview: [],
};

function setup(entries: readonly AuthorizedAccount[], handlers: FakeHandlers = {}) {
  const api = createFakeApi({
    'servers:list': () => success(makeServerList(entries)),
    'super-users:snapshot': () => success({ kept: true as const, snapshot }),
    'servers:removal-impact': (request) => success({ object: { sid: request.sid, label: 'CORP\\FS01$', kind: 'computer' as const }, members: null }),
    ...handlers,
  });
  return { api, user: userEvent.setup(), ...renderConsole(<ServersPage />, api) };
}

// The page renders four dialogs' worth of Fluent; on a loaded two-core machine a dialog can take over a second to appear.
configure({ asyncUtilTimeout: 5000 });

let restoreSize: () => void = () => undefined;
beforeEach(() => {
  restoreSize = stubElementSize({ width: 1400, height: 600 });
});
afterEach(() => {
  restoreSize();
});

describe('ServersPage: exposure, context menu, keys and Undo', { timeout: 20_000 }, () => {
  it("shows an Exchange entry's super users on its badge, and the badge's dialog lists them with paths and non-servers marked", async () => {
    const { user } = setup([exchange, fileServer]);

    const badge = await screen.findByRole('button', { name: 'Super user · 2 accounts' });
    expect(within(screen.getByRole('row', { name: /FS01/ })).queryByRole('button')).not.toBeInTheDocument();
    act(() => {
      badge.focus();
    });
    await user.keyboard('{Enter}');
    // Found by its title: under heavy load jsdom's tabster may still hold the dialog aria-hidden
    // while it settles. Its roles and names are checked in Chromium (super-user-badge.spec.ts, axe).
    const title = await screen.findByText('Super users through CORP\\Exchange Servers');
    const dialog = title.closest<HTMLElement>('[role="dialog"]');
    if (dialog === null) throw new Error('The title is not in a dialog.');
    const mallory = within(dialog).getByRole('listitem', { name: 'CORP\\mallory', hidden: true });
    expect(mallory).toHaveTextContent('Not a server');
    expect(within(mallory).getByRole('list', { name: 'How CORP\\mallory gets in', hidden: true })).toHaveTextContent(
      'CORP\\Exchange Servers › Exchange Inner › CORP\\mallory',
    );
    expect(within(dialog).getByRole('listitem', { name: 'CORP\\EX01$', hidden: true })).not.toHaveTextContent('Not a server');
  });

  it("opens a group's Members in the properties panel from its context menu", async () => {
    const { user, stores } = setup([exchange, fileServer]);
    await user.click(await screen.findByRole('row', { name: /Exchange Servers/ }));

    await user.keyboard('{Shift>}{F10}{/Shift}');
    await user.click(within(await screen.findByRole('menu', { name: 'Actions for CORP\\Exchange Servers' })).getByRole('menuitem', { name: 'Members' }));

    expect(stores.properties.getState()).toMatchObject({ open: true, target: { sid: exchange.sid, section: 'members' } });
  });

  it('copies the selected row with Ctrl+C as tab-separated text with a header, and opens properties with Enter', async () => {
    const { user, stores } = setup([exchange, fileServer]);
    // user-event puts its own clipboard on navigator at setup; watch what is written to it.
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(await screen.findByRole('row', { name: /FS01/ }));

    await user.keyboard('{Control>}c{/Control}');
    await user.keyboard('{Enter}');

    expect(writeText).toHaveBeenCalledOnce();
    const [header, line] = (writeText.mock.calls[0]?.[0] ?? '').split('\r\n');
    expect(header).toBe('Account\tRole\tObject type\tSID\tAdded by\tAdded on');
    expect(line?.split('\t').slice(0, 4)).toEqual(['CORP\\FS01$', 'File server using FCI', 'Computer', fileServer.sid]);
    expect(stores.properties.getState()).toMatchObject({ open: true, target: { sid: fileServer.sid, name: 'CORP\\FS01$', section: 'general' } });
  });

  it('reads the list again on F5 and focuses the filter on Ctrl+F', async () => {
    const { api, user } = setup([fileServer]);
    await user.click(await screen.findByRole('row', { name: /FS01/ }));
    const reads = () => api.calls.filter((call) => call.channel === 'servers:list').length;
    const before = reads();

    await user.keyboard('{F5}');
    await waitFor(() => {
      expect(reads()).toBe(before + 1);
    });
    await user.keyboard('{Control>}f{/Control}');
    expect(screen.getByRole('textbox', { name: 'Filter entries' })).toHaveFocus();
  });

  it('offers Undo after a removal, which adds the entry back through check and add with the removal version', async () => {
    let entries: readonly AuthorizedAccount[] = [fileServer];
    const { api, user } = setup([], {
      'servers:list': () => success(makeServerList(entries, entries.length === 1 ? 7 : 8)),
      'servers:remove': () => {
        entries = [];
        return success({ removed: fileServer, version: 8, versionTag: 'v8' });
      },
      'servers:check': () =>
        success({
          role: 'fci' as const,
          object: { sid: fileServer.sid, label: fileServer.name, kind: 'computer' as const, inFolder: 'corp' },
          findings: [],
          versionTag: 'v8',
        }),
      'servers:add': () => {
        entries = [fileServer];
        return success({ entry: fileServer, version: 9, versionTag: 'v9', superUserFeatureEnabled: false, findings: [] });
      },
    });
    await user.click(await screen.findByRole('row', { name: /FS01/ }));
    await user.keyboard('{Delete}');
    // By its title, as above (jsdom's tabster may hold a fresh dialog aria-hidden under load).
    const dialog = (await screen.findByText('Remove CORP\\FS01$?')).closest<HTMLElement>('[role="alertdialog"]');
    if (dialog === null) throw new Error('The title is not in an alert dialog.');
    await within(dialog).findByText('CORP\\FS01$ itself loses access.');
    await user.click(within(dialog).getByRole('button', { name: 'Remove', hidden: true }));

    await user.click(await screen.findByRole('button', { name: 'Undo' }));

    await waitFor(() => {
      expect(screen.getByRole('status')).toHaveTextContent('Added CORP\\FS01$ back as File server using FCI.');
    });
    expect(api.calls.find((call) => call.channel === 'servers:add')?.request).toMatchObject({
      role: 'fci',
      sid: fileServer.sid,
      acknowledged: [],
      versionTag: 'v8',
    });
    expect(await screen.findByRole('row', { name: /FS01/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
  });

  it('withdraws Undo after a few seconds untouched', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { user } = setup([fileServer], { 'servers:remove': () => success({ removed: fileServer, version: 8, versionTag: 'v8' }) });
      await user.click(await screen.findByRole('row', { name: /FS01/ }));
      await user.keyboard('{Delete}');
      await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
      expect(await screen.findByRole('button', { name: 'Undo' })).toBeInTheDocument();

      act(() => {
        vi.advanceTimersByTime(11_000);
      });

      expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });
});
