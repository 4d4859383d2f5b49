import { describe, expect, it } from 'vitest';
import { makeObject } from '../policy/testing/policy-fixtures.ts';
import { resolveAccount } from './resolve-account.ts';
import { createFakeDirectory } from './testing/fake-ports.ts';

const fs01 = makeObject({ name: 'FS01', kind: 'computer' });
const twinA = makeObject({ name: 'twin', kind: 'user', inFolder: 'corp.contoso.test/A' });
const twinB = makeObject({ name: 'twin', kind: 'user', inFolder: 'corp.contoso.test/B' });
const directory = createFakeDirectory([fs01, twinA, twinB]);

describe('resolveAccount', () => {
  it('finds the object when a SID names it', async () => {
    expect(await resolveAccount(directory, { sid: fs01.sid })).toEqual({ status: 'resolved', object: fs01 });
  });

  it('finds the object when a name resolves to exactly one', async () => {
    expect(await resolveAccount(directory, { name: 'FS01$' })).toEqual({ status: 'resolved', object: fs01 });
  });

  it('answers NOT_FOUND when no object has the SID', async () => {
    const lookup = await resolveAccount(directory, { sid: 'S-1-5-21-9-9-9-9999' });
    expect(lookup.status === 'unresolved' && lookup.findings.map((finding) => finding.code)).toEqual(['NOT_FOUND']);
  });

  it('answers AMBIGUOUS_NAME with every candidate when a name matches two objects', async () => {
    const lookup = await resolveAccount(directory, { name: 'twin' });
    expect(lookup.status === 'unresolved' && lookup.findings.map((finding) => [finding.code, finding.accounts.length])).toEqual([['AMBIGUOUS_NAME', 2]]);
  });

  it('answers no-answer when the directory returns nothing for the name', async () => {
    expect(await resolveAccount(createFakeDirectory([fs01], new Map(), true), { name: 'FS01$' })).toEqual({ status: 'no-answer' });
  });
});
