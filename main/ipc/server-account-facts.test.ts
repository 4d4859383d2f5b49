import { describe, expect, it } from 'vitest';
import type { AuthorizedAccount, DirectoryObject } from '../../contract/index.ts';
import { serverAccountFacts } from './server-account-facts.ts';
import { createFakeDirectory } from './testing/fake-directory.ts';

const DOMAIN_SID = 'S-1-5-21-1004336348-1177238915-682003330';

function object(rid: string, overrides: Partial<DirectoryObject>): DirectoryObject {
  return {
    sid: `${DOMAIN_SID}-${rid}`,
    guid: '00000000-0000-4000-8000-000000000001',
    distinguishedName: `CN=${rid},DC=corp,DC=contoso,DC=test`,
    name: rid,
    samAccountName: rid,
    kind: 'user',
    disabled: false,
    servicePrincipalNames: [],
    canonicalName: `corp.contoso.test/${rid}`,
    inFolder: 'corp.contoso.test',
    ...overrides,
  };
}

function entry(sid: string): AuthorizedAccount {
  return {
    id: '7b0e4a52-3f55-4d6c-9a0e-8f0c1d2e3f40',
    sid,
    name: sid,
    role: 'sharepoint',
    kind: 'user',
    addedBy: 'CORP\\admin',
    addedAt: '2026-11-22T10:00:00.000Z',
  };
}

describe('serverAccountFacts', () => {
  it('reads disabled, builtin and description for the entries the directory still knows, in one batch', async () => {
    const disabled = object('1107', { disabled: true, description: 'x'.repeat(2000) });
    const builtin = { ...object('544', { kind: 'group', group: { scope: 'builtin-local', security: true } }), sid: 'S-1-5-32-544' };
    const directory = createFakeDirectory([disabled, builtin]);
    const facts = await serverAccountFacts(directory, [entry(disabled.sid), entry(builtin.sid), entry(`${DOMAIN_SID}-9999`), entry(disabled.sid)]);
    expect(facts).toEqual([
      { sid: disabled.sid, disabled: true, builtin: false, description: 'x'.repeat(1024) },
      { sid: 'S-1-5-32-544', disabled: false, builtin: true },
    ]);
    expect(directory.calls.filter((call) => call.startsWith('resolveNames'))).toHaveLength(1);
  });

  it('answers nothing rather than failing the list when the directory cannot be asked', async () => {
    const directory = createFakeDirectory([]);
    const failing = { ...directory, resolveNames: () => Promise.reject(new Error('LDAP connection lost')) };
    expect(await serverAccountFacts(failing, [entry(`${DOMAIN_SID}-1107`)])).toBeUndefined();
  });
});
