import { describe, expect, it } from 'vitest';
import type { AuthorizedEntry } from '../../contract/policy.ts';
import { makeObject } from '../policy/testing/policy-fixtures.ts';
import { authorizeAccounts } from './authorize-accounts.ts';
import { createFakeDirectory, createFakeService } from './testing/fake-ports.ts';

const exchangeServers = makeObject({ name: 'Exchange Servers', kind: 'group', group: { scope: 'universal', security: true } });
const exch01 = makeObject({ name: 'EXCH01', kind: 'computer' });
const fs01 = makeObject({ name: 'FS01', kind: 'computer' });
const fs02 = makeObject({ name: 'FS02', kind: 'computer' });
const alice = makeObject({ name: 'alice', kind: 'user' });
const exchangeAdmins = makeObject({ name: 'Exchange Trusted Subsystem', kind: 'group', group: { scope: 'universal', security: true } });
const directory = createFakeDirectory(
  [exchangeServers, exchangeAdmins, exch01, fs01, fs02, alice],
  new Map([
    [exchangeServers.sid, [exch01]],
    [exchangeAdmins.sid, [exch01]],
  ]),
);
const entry = (object: typeof alice, role: AuthorizedEntry['role']): AuthorizedEntry => ({ sid: object.sid, name: `CORP\\${object.name}`, role });

/** A service whose list holds FS01 (fci), version 1. */
async function serviceWithList() {
  const service = createFakeService();
  await service.replaceAuthorizedAccounts([entry(fs01, 'fci')], { ifMatch: '"0"' });
  service.calls.length = 0;
  return service;
}

describe('authorizeAccounts', () => {
  it('adds every account in one conditional replace, keeping the list, judging only the new entries', async () => {
    const service = await serviceWithList();
    const outcome = await authorizeAccounts(directory, service, {
      role: 'fci',
      accounts: [
        { sid: fs02.sid, acknowledged: [] },
        { sid: exch01.sid, acknowledged: [] },
        { sid: fs02.sid, acknowledged: [] },
      ],
      expectedVersionTag: '"1"',
    });
    expect({
      status: outcome.status,
      unchangedJudged: outcome.status === 'not-found' ? undefined : outcome.judgement.unchanged.length,
      writes: service.calls.filter((call) => call.startsWith('replace')),
      listReads: service.calls.filter((call) => call === 'list').length,
      list: service.entries.map((row) => `${row.name} ${row.role}`),
    }).toEqual({
      status: 'applied',
      unchangedJudged: 0,
      listReads: 1,
      writes: ['replace:3:"1"'],
      list: ['CORP\\FS01 fci', 'CORP\\FS02$ fci', 'CORP\\EXCH01$ fci'],
    });
  });

  it.each([
    [
      'one account refused by its findings',
      { role: 'fci' as const, accounts: [fs02.sid, alice.sid].map((sid) => ({ sid, acknowledged: [] })) },
      { status: 'blocked', codes: ['FCI_REQUIRES_COMPUTER_ACCOUNTS'] },
    ],
    [
      'a warning acknowledged on one account only',
      {
        role: 'exchange' as const,
        accounts: [
          { sid: exchangeServers.sid, acknowledged: ['SUPER_USER_GRANT'] },
          { sid: exchangeAdmins.sid, acknowledged: [] },
        ],
      },
      // Both groups hold EXCH01: each is judged next to the other, so the overlap is found too.
      { status: 'needs-acknowledgement', codes: ['OVERLAPPING_ENTRY', 'SUPER_USER_GRANT'] },
    ],
  ])('writes none of them for %s', async (_label, request, expected) => {
    const service = await serviceWithList();
    const outcome = await authorizeAccounts(directory, service, { ...request, expectedVersionTag: '"1"' });
    expect({
      status: outcome.status,
      codes: 'codes' in outcome ? outcome.codes : undefined,
      writes: service.calls.filter((call) => call.startsWith('replace')),
      list: service.entries.length,
    }).toEqual({ ...expected, writes: [], list: 1 });
  });

  it('writes nothing on a list changed since the check, nor for a SID nobody has', async () => {
    const service = await serviceWithList();
    const stale = await authorizeAccounts(directory, service, { role: 'fci', accounts: [{ sid: fs02.sid, acknowledged: [] }], expectedVersionTag: '"0"' });
    const gone = await authorizeAccounts(directory, service, {
      role: 'fci',
      accounts: [
        { sid: fs02.sid, acknowledged: [] },
        { sid: 'S-1-5-21-9-9-9-9', acknowledged: [] },
      ],
      expectedVersionTag: '"1"',
    });
    expect([stale.status, gone, service.calls.filter((call) => call.startsWith('replace'))]).toEqual([
      'list-changed',
      { status: 'not-found', sids: ['S-1-5-21-9-9-9-9'] },
      [],
    ]);
  });
});
