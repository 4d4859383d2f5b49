import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { BrowseEntry, DirectoryObject, IpcResult, Role, SearchPage } from '../../../contract/index.ts';
import { createFakeApi, success, type FakeHandlers } from '../../testing/fake-api.ts';
import { ObjectPickerDialog } from './object-picker-dialog.tsx';
import { deferred, directoryObjects } from './testing/directory-fixtures.ts';
import { installJsdomShims, scrollElementTo } from './testing/jsdom-shims.ts';
import { renderWithApi } from './testing/render-with-api.tsx';

const SEARCH_ID = '9d3c2b1a-0f4e-4d5c-8b7a-6e5f4d3c2b1a';
const ROOT = 'DC=corp,DC=contoso,DC=test';
const firstPage = directoryObjects(100);
const secondPage = directoryObjects(30, 3000);
const ou = (name: string, parent: string): BrowseEntry => ({
  distinguishedName: `OU=${name},${parent}`,
  name,
  objectClass: 'organizationalUnit',
  isContainer: true,
  guid: `guid-${name}`,
});

function setUp(role: Role = 'fci', handlers: FakeHandlers = {}, many = false) {
  const api = createFakeApi({
    'directory:search-start': () => success({ searchId: SEARCH_ID, objects: firstPage, done: false }),
    'directory:search-next': () => success({ searchId: SEARCH_ID, objects: secondPage, done: true }),
    'directory:search-close': () => success({ closed: true }),
    'directory:browse': (request) => success(request.parentDn === undefined ? [ou('Servers', ROOT)] : [ou('File Servers', request.parentDn)]),
    'operation:cancel': () => success({ cancelled: true }),
    ...handlers,
  });
  const onClose = vi.fn<() => void>();
  const onPick = vi.fn<(object: DirectoryObject) => void>();
  const onPickMany = vi.fn<(objects: readonly DirectoryObject[]) => void>();
  renderWithApi(api, <ObjectPickerDialog open role={role} onClose={onClose} onPick={onPick} {...(many ? { onPickMany } : {})} />);
  const requests = (channel: string) => api.calls.filter((call) => call.channel === channel).map((call) => call.request);
  return { api, onClose, onPick, onPickMany, requests, user: userEvent.setup() };
}

async function findNow(user: ReturnType<typeof userEvent.setup>, text = 'Server') {
  await user.type(screen.getByRole('textbox', { name: 'Name starts with' }), `${text}{Enter}`);
  await screen.findByText('100 found');
  return screen.getByRole('grid', { name: 'Search results' });
}

describe('ObjectPickerDialog', () => {
  beforeAll(() => {
    installJsdomShims();
  });

  it.each<[Role, string[]]>([
    ['exchange', ['Security groups']],
    ['sharepoint', ['Users', 'Security groups', 'Service accounts']],
    ['fci', ['Computers', 'Security groups']],
  ])('ticks the object types preset for the %s role', (role, ticked) => {
    setUp(role);
    const group = screen.getByRole('group', { name: 'Object types' });
    const checked = within(group)
      .getAllByRole('checkbox')
      .filter((box) => (box as HTMLInputElement).checked);
    expect(checked.map((box) => box.closest('.fui-Checkbox')?.textContent)).toEqual(ticked);
  });

  it('searches on Enter and pages in more results as the grid scrolls near its end', async () => {
    const { user, requests } = setUp();
    const grid = await findNow(user);
    expect(requests('directory:search-start')).toEqual([
      { text: 'Server', types: ['computer', 'security-group'], location: { kind: 'domain' }, pageSize: 100, operationId: expect.any(String) },
    ]);
    expect(within(grid).getAllByRole('row').length).toBeLessThan(40);
    expect(requests('directory:search-next')).toEqual([]);
    act(() => {
      scrollElementTo(grid, 100 * 32 - 320);
    });
    expect(await screen.findByText('130 found')).toBeInTheDocument();
    expect(requests('directory:search-next')).toEqual([{ searchId: SEARCH_ID }]);
  });

  it('returns the selected object on OK and releases the search', async () => {
    const { user, onPick, onClose, requests } = setUp();
    const grid = await findNow(user);
    expect(screen.getByRole('button', { name: 'OK' })).toBeDisabled();
    await user.click(within(grid).getByRole('row', { name: /Server 2001/ }));
    await user.click(screen.getByRole('button', { name: 'OK' }));
    expect(onPick).toHaveBeenCalledWith(firstPage[1]);
    expect(onClose).toHaveBeenCalled();
    expect(requests('directory:search-close')).toEqual([{ searchId: SEARCH_ID }]);
  });

  it('picks the focused row with arrow keys and Enter', async () => {
    const { user, onPick } = setUp();
    await findNow(user);
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Columns…' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('row', { name: /Server 2000/ })).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(onPick).toHaveBeenCalledWith(firstPage[2]);
  });

  it('searches the organizational unit chosen in the lazily loaded tree', async () => {
    const { user, requests } = setUp();
    await user.click(screen.getByRole('radio', { name: 'Organizational unit' }));
    const tree = screen.getByRole('tree', { name: 'Organizational units' });
    const servers = await within(tree).findByRole('treeitem', { name: 'Servers' });
    expect(requests('directory:browse')).toEqual([{ operationId: expect.any(String) }]);
    await user.click(servers);
    const fileServers = await within(tree).findByRole('treeitem', { name: 'File Servers' });
    expect(requests('directory:browse')).toEqual([{ operationId: expect.any(String) }, { parentDn: `OU=Servers,${ROOT}`, operationId: expect.any(String) }]);
    await user.click(fileServers);
    expect(fileServers).toHaveAttribute('aria-selected', 'true');
    await user.click(screen.getByRole('button', { name: 'Find Now' }));
    expect(requests('directory:search-start')).toEqual([
      expect.objectContaining({ location: { kind: 'container', distinguishedName: `OU=File Servers,OU=Servers,${ROOT}` } }),
    ]);
  });

  it('shows a spinner with Cancel while the first page loads, and cancels the operation', async () => {
    const start = deferred<IpcResult<SearchPage>>();
    const { user, requests } = setUp('fci', { 'directory:search-start': () => start.promise });
    await user.click(screen.getByRole('button', { name: 'Find Now' }));
    expect(screen.getByRole('progressbar', { name: 'Searching…' })).toBeInTheDocument();
    const cancels = screen.getAllByRole('button', { name: 'Cancel' });
    await user.click(cancels[0] as HTMLElement);
    expect(requests('operation:cancel')).toEqual([{ operationId: (requests('directory:search-start')[0] as { operationId: string }).operationId }]);
    await waitFor(() => {
      expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    });
  });

  it('returns every row selected with Shift and Ctrl on OK', async () => {
    const { user, onPickMany } = setUp('fci', {}, true);
    const grid = await findNow(user);
    expect(grid).toHaveAttribute('aria-multiselectable', 'true');
    await user.click(within(grid).getByRole('row', { name: /Server 2001/ }));
    await user.keyboard('{Shift>}{ArrowDown}{/Shift}{Control>}');
    await user.click(within(grid).getByRole('row', { name: /Server 2004/ }));
    await user.keyboard('{/Control}');
    expect(screen.getByText('100 found, 3 selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'OK' }));
    expect(onPickMany).toHaveBeenCalledWith([firstPage[1], firstPage[2], firstPage[4]]);
  });

  it('selects every row with Ctrl+A', async () => {
    const { user } = setUp('fci', {}, true);
    const grid = await findNow(user);
    await user.click(within(grid).getByRole('row', { name: /Server 2000/ }));
    await user.keyboard('{Control>}a{/Control}');
    expect(screen.getByText('100 found, 100 selected')).toBeInTheDocument();
  });

  it('shows the domain as the top of the tree and highlights the organizational unit chosen', async () => {
    const { user } = setUp();
    await user.click(screen.getByRole('radio', { name: 'Organizational unit' }));
    const tree = screen.getByRole('tree', { name: 'Organizational units' });
    const servers = await within(tree).findByRole('treeitem', { name: 'Servers' });
    const domain = within(tree).getAllByRole('treeitem')[0] as HTMLElement;
    expect(domain).toHaveAttribute('aria-level', '1');
    expect(domain.textContent).toContain('corp.contoso.test');
    expect(servers).toHaveAttribute('aria-level', '2');
    await user.click(servers);
    expect([servers.getAttribute('aria-selected'), domain.getAttribute('aria-selected')]).toEqual(['true', 'false']);
  });

  it('labels the results as stale once the location changes, until the next search', async () => {
    const { user } = setUp();
    await findNow(user);
    await user.click(screen.getByRole('radio', { name: 'Global catalog' }));
    expect(screen.getByText('Results from Entire domain — search again')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Find Now' }));
    await waitFor(() => {
      expect(screen.queryByText(/search again/)).not.toBeInTheDocument();
    });
  });
});
