import { describe, expect, it } from 'vitest';
import { makeEntry } from '../testing/console-fixtures.ts';
import { filterEntries, nextSort, sortEntries, visibleEntries } from './servers-selectors.ts';

const exchange = makeEntry(1, { name: 'CORP\\Exchange Servers', role: 'exchange', kind: 'group', addedBy: 'CORP\\alice', addedAt: '2026-03-01T10:00:00.000Z' });
const sharepoint = makeEntry(2, {
  name: 'CORP\\svc-sharepoint',
  role: 'sharepoint',
  kind: 'service-account',
  addedBy: 'CORP\\bob',
  addedAt: '2026-01-01T10:00:00.000Z',
});
const fileServer = makeEntry(3, { name: 'CORP\\FS01$', role: 'fci', kind: 'computer', addedBy: 'CORP\\alice', addedAt: '2026-02-01T10:00:00.000Z' });
const entries = [exchange, sharepoint, fileServer];
const names = (list: readonly { name: string }[]) => list.map((entry) => entry.name);

describe('filterEntries', () => {
  it.each([
    ['the account', 'fs01', [fileServer]],
    ['the role in words', 'sharepoint server', [sharepoint]],
    ['the object type in words', 'service account', [sharepoint]],
    ['the SID', exchange.sid.slice(-6), [exchange]],
    ['who added it', 'ALICE', [exchange, fileServer]],
    ['the FCI role', 'using fci', [fileServer]],
  ])('matches %s, ignoring case', (_label, text, expected) => {
    expect(filterEntries(entries, text)).toEqual(expected);
  });

  it('keeps everything when the text is blank', () => {
    expect(filterEntries(entries, '   ')).toBe(entries);
  });

  it('finds nothing when no column contains the text', () => {
    expect(filterEntries(entries, 'no such server')).toEqual([]);
  });
});

describe('sortEntries', () => {
  it('sorts by account ascending by default order and descending on request', () => {
    expect(names(sortEntries(entries, { column: 'account', direction: 'ascending' }))).toEqual([
      'CORP\\Exchange Servers',
      'CORP\\FS01$',
      'CORP\\svc-sharepoint',
    ]);
    expect(names(sortEntries(entries, { column: 'account', direction: 'descending' }))).toEqual([
      'CORP\\svc-sharepoint',
      'CORP\\FS01$',
      'CORP\\Exchange Servers',
    ]);
  });

  it('sorts roles by their words, not their ids', () => {
    expect(names(sortEntries(entries, { column: 'role', direction: 'ascending' }))).toEqual(['CORP\\Exchange Servers', 'CORP\\FS01$', 'CORP\\svc-sharepoint']);
  });

  it('sorts "Added on" by instant', () => {
    expect(names(sortEntries(entries, { column: 'addedAt', direction: 'ascending' }))).toEqual([
      'CORP\\svc-sharepoint',
      'CORP\\FS01$',
      'CORP\\Exchange Servers',
    ]);
  });

  it('breaks ties by account name so equal keys keep a stable order', () => {
    expect(names(sortEntries(entries, { column: 'addedBy', direction: 'ascending' }))).toEqual([
      'CORP\\Exchange Servers',
      'CORP\\FS01$',
      'CORP\\svc-sharepoint',
    ]);
  });

  it('leaves its input untouched', () => {
    const input = [fileServer, exchange];
    sortEntries(input, { column: 'account', direction: 'ascending' });
    expect(input).toEqual([fileServer, exchange]);
  });
});

describe('visibleEntries', () => {
  it('filters, then sorts', () => {
    expect(names(visibleEntries(entries, 'alice', { column: 'account', direction: 'descending' }))).toEqual(['CORP\\FS01$', 'CORP\\Exchange Servers']);
  });
});

describe('nextSort', () => {
  it('flips the direction of the sorted column and starts another ascending', () => {
    expect(nextSort({ column: 'account', direction: 'ascending' }, 'account')).toEqual({ column: 'account', direction: 'descending' });
    expect(nextSort({ column: 'account', direction: 'descending' }, 'account')).toEqual({ column: 'account', direction: 'ascending' });
    expect(nextSort({ column: 'account', direction: 'descending' }, 'sid')).toEqual({ column: 'sid', direction: 'ascending' });
  });
});
