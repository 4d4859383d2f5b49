import '../../testing/dom-shims.ts';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthorizedAccount } from '../../../contract/index.ts';
import { LIST_CHANGED_ERROR, makeEntries, makeEntry, makeServerList } from '../../testing/console-fixtures.ts';
import { stubElementSize } from '../../testing/dom-shims.ts';
import { createFakeApi, failure, success, type FakeHandlers } from '../../testing/fake-api.ts';
import { renderConsole } from '../../testing/render-console.tsx';
import { ServersPage } from './servers-page.tsx';

const exchange = makeEntry(1, { name: 'CORP\\Exchange Servers', role: 'exchange', kind: 'group' });
const sharepoint = makeEntry(2, { name: 'CORP\\svc-sp', role: 'sharepoint', kind: 'service-account' });
const fileServer = makeEntry(3, { name: 'CORP\\FS01$', role: 'fci', kind: 'computer' });

function setup(entries: readonly AuthorizedAccount[], handlers: FakeHandlers = {}) {
  const api = createFakeApi({
    'servers:list': () => success(makeServerList(entries)),
    'super-users:snapshot': () => success({ kept: false as const }),
    'servers:removal-impact': (request) => {
      const entry = entries.find((candidate) => candidate.sid === request.sid);
      return success({
        object: entry ? { sid: entry.sid, label: entry.name, kind: entry.kind } : null,
        members: entry?.kind === 'group' ? { total: 0, first: [] } : null,
      });
    },
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

describe('ServersPage', { timeout: 20_000 }, () => {
  it('shows the entries sorted by account, with roles and types in words', async () => {
    setup([sharepoint, fileServer, exchange]);

    const grid = await screen.findByRole('grid', { name: 'Servers allowed to utilize the connector' });
    await waitFor(() => {
      expect(within(grid).getAllByRole('row')).toHaveLength(4);
    });
    const rows = within(grid).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('gridcell')
          .slice(0, 3)
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['CORP\\Exchange Servers', 'Exchange ServerSuper user · count not known yet', 'Group'],
      ['CORP\\FS01$', 'File server using FCI', 'Computer'],
      ['CORP\\svc-sp', 'SharePoint Server', 'Service account'],
    ]);
    expect(screen.getByRole('heading', { level: 1, name: 'Servers allowed to utilize the connector' })).toBeInTheDocument();
    expect(screen.getByText('3 entries')).toBeInTheDocument();
    expect(screen.getByText('Connectors pick up changes within about 15 minutes.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove' })).toBeDisabled();
  });

  it('asks before removing, naming the account and what it loses, with Cancel first', async () => {
    const { api, user } = setup([exchange, fileServer], { 'servers:remove': () => success({ removed: exchange, version: 8, versionTag: 'v8' }) });
    await user.click(await screen.findByRole('row', { name: /Exchange Servers/ }));

    await user.click(screen.getByRole('button', { name: 'Remove' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Remove CORP\\Exchange Servers?' });
    expect(dialog).toHaveTextContent('is a group, allowed to use the connector as Exchange Server');
    expect(dialog).toHaveTextContent('Connectors pick up changes within about 15 minutes.');
    expect(dialog).toHaveTextContent('stop being super users through this entry');
    // Fluent focuses the first focusable element of the dialog (jsdom cannot show it: tabster
    // finds nothing visible without layout), so Cancel must come first.
    expect(
      within(dialog)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Cancel', 'Remove']);
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));

    await waitFor(() => {
      expect(screen.getByRole('status')).toHaveTextContent('Removed CORP\\Exchange Servers (Exchange Server).');
    });
    expect(api.calls.find((call) => call.channel === 'servers:remove')?.request).toEqual({ id: exchange.id, versionTag: 'v7' });
  });

  it('cancels a removal with Escape without calling main', async () => {
    const { api, user } = setup([fileServer]);
    await user.click(await screen.findByRole('row', { name: /FS01/ }));
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove CORP\\FS01$?' });
    expect(dialog).toHaveTextContent('That server can no longer use the connector to protect or open content.');

    await user.keyboard('{Escape}');

    await waitFor(() => {
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    });
    expect(api.calls.some((call) => call.channel === 'servers:remove')).toBe(false);
  });

  it('selects rows with the arrow keys and opens the confirmation with Delete', async () => {
    const { user } = setup([exchange, fileServer, sharepoint]);
    await user.click(await screen.findByRole('row', { name: /Exchange Servers/ }));

    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('row', { name: /FS01/ })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Delete}');

    expect(await screen.findByRole('alertdialog', { name: 'Remove CORP\\FS01$?' })).toBeInTheDocument();
  });

  it('shows the list-changed banner when a removal is refused, and Reload clears it', async () => {
    const { api, user } = setup([fileServer], { 'servers:remove': () => failure(LIST_CHANGED_ERROR) });
    await user.click(await screen.findByRole('row', { name: /FS01/ }));
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Remove' }));

    expect(await screen.findByText(/^The list was changed by someone else/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reload' }));

    await waitFor(() => {
      expect(screen.queryByText(/^The list was changed by someone else/)).not.toBeInTheDocument();
    });
    expect(api.calls.map((call) => call.channel).filter((channel) => channel.startsWith('servers:') && channel !== 'servers:removal-impact')).toEqual([
      'servers:list',
      'servers:remove',
      'servers:list',
    ]);
  });

  it('filters by any column and says how many entries are shown', async () => {
    const { user } = setup([exchange, fileServer, sharepoint]);
    await screen.findByRole('row', { name: /FS01/ });

    await user.type(screen.getByRole('textbox', { name: 'Filter entries' }), 'sharepoint');

    await waitFor(() => {
      expect(screen.getByText('1 entry (filtered from 3)')).toBeInTheDocument();
    });
    expect(screen.queryByRole('row', { name: /FS01/ })).not.toBeInTheDocument();
  });

  it('downloads the CSV under the file name main gives, with a byte-order mark for Excel', async () => {
    const csv = { fileName: 'servers-allowed-to-utilize-the-connector.csv', csv: 'Account\r\nCORP\\FS01$\r\n', entries: 1 };
    const saved: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:csv';
    });
    const revokeObjectURL = vi.fn();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL }));
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const { user } = setup([fileServer], { 'servers:export-csv': () => success(csv) });

    await user.click(await screen.findByRole('button', { name: 'Export CSV' }));

    await waitFor(() => {
      expect(clicked).toEqual(['servers-allowed-to-utilize-the-connector.csv']);
    });
    expect(createObjectURL).toHaveBeenCalledOnce();
    const bytes = new Uint8Array(await (saved[0] as Blob).arrayBuffer());
    expect([...bytes.slice(0, 10)]).toEqual([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Account')]);
    click.mockRestore();
    vi.unstubAllGlobals();
  });

  it('keeps far fewer than 5,000 rows in the DOM for a list of 5,000', async () => {
    setup(makeEntries(5000));

    const grid = await screen.findByRole('grid', { name: 'Servers allowed to utilize the connector' });
    await waitFor(() => {
      expect(grid).toHaveAttribute('aria-rowcount', '5001');
    });
    expect(within(grid).getAllByRole('row').length).toBeLessThan(50);
    expect(screen.getByText('5000 entries')).toBeInTheDocument();
  });
});
