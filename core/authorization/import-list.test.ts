import { describe, expect, it } from 'vitest';
import type { AuthorizedEntry } from '../../contract/policy.ts';
import { makeObject } from '../policy/testing/policy-fixtures.ts';
import { importList } from './import-list.ts';
import { judgeListImport } from './judge-list-import.ts';
import { createFakeDirectory, createFakeService } from './testing/fake-ports.ts';

const exchangeServers = makeObject({ name: 'Exchange Servers', kind: 'group', group: { scope: 'universal', security: true } });
const exch01 = makeObject({ name: 'EXCH01', kind: 'computer' });
const fs01 = makeObject({ name: 'FS01', kind: 'computer' });
const alice = makeObject({ name: 'alice', kind: 'user' });
const directory = createFakeDirectory([exchangeServers, exch01, fs01, alice], new Map([[exchangeServers.sid, [exch01]]]));
const entry = (object: typeof alice, role: AuthorizedEntry['role']): AuthorizedEntry => ({ sid: object.sid, name: `CORP\\${object.name}`, role });

/** A service whose list holds FS01 (fci) and alice (sharepoint), version 2. */
async function serviceWithList() {
  const service = createFakeService();
  await service.replaceAuthorizedAccounts([entry(fs01, 'fci'), entry(alice, 'sharepoint')], { ifMatch: '"0"' });
  service.version = 2;
  service.calls.length = 0;
  return service;
}

describe('judgeListImport', () => {
  it('sorts the file into added, removed and unchanged, judges the kept entries and reports progress', async () => {
    const service = await serviceWithList();
    const progress: string[] = [];
    const judged = await judgeListImport(directory, service, [entry(exchangeServers, 'exchange'), entry(fs01, 'fci')], {
      onProgress: ({ finished, total }) => progress.push(`${String(finished)}/${String(total)}`),
    });
    expect({
      added: judged.added.map((row) => [row.entry.name, row.needsAcknowledgement.map((finding) => finding.code)]),
      removed: judged.plan.toRemove.map((row) => row.name),
      unchanged: judged.unchanged.map((row) => row.entry.name),
      etag: judged.listing.etag,
      progress,
    }).toEqual({
      added: [['CORP\\Exchange Servers', ['SUPER_USER_GRANT']]],
      removed: ['CORP\\alice'],
      unchanged: ['CORP\\FS01'],
      etag: '"2"',
      progress: ['0/2', '1/2', '2/2'],
    });
  });

  it('gives an entry whose SID nobody has a blocking NOT_FOUND', async () => {
    const service = createFakeService();
    const judged = await judgeListImport(directory, service, [{ sid: 'S-1-5-21-9-9-9-9', name: 'CORP\\gone', role: 'fci' }]);
    expect(judged.added.map((row) => [row.object, row.blocking.map((finding) => finding.code)])).toEqual([[undefined, ['NOT_FOUND']]]);
  });
});

describe('importList', () => {
  const wanted = [entry(exchangeServers, 'exchange'), entry(fs01, 'fci')];

  it('replaces the list in one conditional write once every warning of an added entry is acknowledged', async () => {
    const service = await serviceWithList();
    const outcome = await importList(directory, service, {
      wanted,
      expectedVersionTag: '"2"',
      acknowledged: [{ sid: exchangeServers.sid, role: 'exchange', codes: ['SUPER_USER_GRANT'] }],
    });
    expect({
      status: outcome.status,
      writes: service.calls.filter((call) => call.startsWith('replace')),
      names: service.entries.map((row) => row.name),
    }).toEqual({
      status: 'applied',
      writes: ['replace:2:"2"'],
      names: ['CORP\\FS01', 'CORP\\Exchange Servers'],
    });
  });

  it.each([
    ['a list changed since the preview', { expectedVersionTag: '"1"' }, 'list-changed', undefined],
    ['an unacknowledged warning', { acknowledged: [] }, 'needs-acknowledgement', ['SUPER_USER_GRANT']],
    [
      'a warning acknowledged for another role',
      { acknowledged: [{ sid: exchangeServers.sid, role: 'fci' as const, codes: ['SUPER_USER_GRANT'] }] },
      'needs-acknowledgement',
      ['SUPER_USER_GRANT'],
    ],
    ['an added entry with an error', { wanted: [entry(alice, 'exchange')] }, 'blocked', ['EXCHANGE_REQUIRES_SECURITY_GROUP']],
  ])('writes nothing for %s', async (_label, overrides, status, codes) => {
    const service = await serviceWithList();
    const outcome = await importList(directory, service, {
      wanted,
      expectedVersionTag: '"2"',
      acknowledged: [{ sid: exchangeServers.sid, role: 'exchange', codes: ['SUPER_USER_GRANT'] }],
      ...overrides,
    });
    expect({
      status: outcome.status,
      codes: 'codes' in outcome ? outcome.codes : undefined,
      writes: service.calls.filter((call) => call.startsWith('replace')),
    }).toEqual({
      status,
      codes,
      writes: [],
    });
  });
});
