import type { Client } from 'ldapts';
import type { AdConnection } from './ad-connection.ts';
import { domain } from './ad-layout.ts';
import { rdn } from './dn-escape.ts';
import { sidToString, tryBind, withBoundClient } from './ldaps-client.ts';
import { bulkUserCount, containers, groupTypes, seedPassword, specialCharacterNames } from './seed-data.ts';
import { seededDn } from './seed-entries.ts';

const inChain = '1.2.840.113556.1.4.1941';

/**
 * Check over LDAPS that the seeded facts tests rely on really hold, and describe each one.
 *
 * Seeding goes through ldb directly, so this is the proof that the network view matches;
 * any mismatch throws and prevents the ready marker from being written.
 */
export async function verifySeed(connection: AdConnection): Promise<string[]> {
  const checked = await withBoundClient(connection, async (client) => [
    await checkBulkPaging(client),
    await checkPrimaryGroup(client),
    await checkSpecialNames(client),
    await checkExchangeGroup(client),
    await checkBroadAccess(client),
    await checkNesting(client),
    await checkAmbiguousName(client),
  ]);
  const okError = await tryBind(connection, `bind.ok@${domain.dnsName}`, seedPassword);
  expect(okError === undefined, `bind.ok cannot bind: ${okError ?? ''}`);
  const disabledError = await tryBind(connection, `bind.disabled@${domain.dnsName}`, seedPassword);
  expect(disabledError?.includes('data 533') === true, `bind.disabled: ${disabledError ?? 'bound'}`);
  return [...checked, 'bind.ok binds; bind.disabled is refused with data 533'];
}

async function checkBulkPaging(client: Client): Promise<string> {
  const { searchEntries } = await client.search(containers.bulkUsers, {
    scope: 'one',
    filter: '(objectClass=user)',
    attributes: ['sAMAccountName'],
    paged: { pageSize: 500 },
  });
  expect(searchEntries.length >= bulkUserCount, `only ${searchEntries.length} bulk users`);
  return `${searchEntries.length} bulk users returned by a paged search`;
}

async function checkPrimaryGroup(client: Client): Promise<string> {
  const group = await readOne(client, seededDn('Exchange Install Domain Servers'), ['objectSid', 'member']);
  const computer = await readOne(client, seededDn('EXCH03$'), ['primaryGroupID']);
  const sid = group['objectSid'];
  const rid = Buffer.isBuffer(sid) ? sidToString(sid).split('-').at(-1) : undefined;
  expect(computer['primaryGroupID'] === rid, `EXCH03 primaryGroupID ${String(computer['primaryGroupID'])} ≠ ${rid}`);
  const members = [group['member'] ?? []].flat().map(String);
  expect(!members.includes(seededDn('EXCH03$')), 'EXCH03 is still an explicit member');
  return `EXCH03 primaryGroupID = ${rid} with no explicit member link`;
}

async function checkSpecialNames(client: Client): Promise<string> {
  for (const [index, name] of specialCharacterNames.entries()) {
    const account = `special${String(index + 1).padStart(2, '0')}`;
    // Reading by our own escaped DN proves the escaper and the server agree.
    const entry = await readOne(client, rdn('CN', name, containers.specialCharacters), ['cn', 'displayName', 'sAMAccountName']);
    expect(entry['cn'] === name && entry['displayName'] === name, `cn of ${account} is ${JSON.stringify(entry['cn'])}`);
    expect(entry['sAMAccountName'] === account, `${JSON.stringify(name)} has account ${String(entry['sAMAccountName'])}`);
  }
  return `${specialCharacterNames.length} special-character names round-trip exactly`;
}

async function checkExchangeGroup(client: Client): Promise<string> {
  const entry = await readOne(client, seededDn('Exchange Servers'), ['groupType', 'member']);
  expect(entry['groupType'] === String(groupTypes.universalSecurity), `Exchange Servers groupType ${String(entry['groupType'])}`);
  const members = [entry['member'] ?? []].flat();
  expect(members.length === 4, `Exchange Servers has ${members.length} members`);
  return 'Exchange Servers is universal security with 4 explicit members';
}

async function checkBroadAccess(client: Client): Promise<string> {
  const entry = await readOne(client, seededDn('Broad Access'), ['member']);
  const expected = `CN=S-1-5-11,${containers.foreignSecurityPrincipals}`;
  expect(entry['member'] === expected, `Broad Access member is ${String(entry['member'])}`);
  return 'Broad Access contains the Authenticated Users foreign security principal';
}

async function checkNesting(client: Client): Promise<string> {
  const { searchEntries } = await client.search(domain.baseDn, {
    filter: `(&(sAMAccountName=deep.user)(memberOf:${inChain}:=${seededDn('Nest Level 1')}))`,
    attributes: ['sAMAccountName'],
  });
  expect(searchEntries.length === 1, 'deep.user is not an in-chain member of Nest Level 1');
  return 'deep.user is a transitive (in-chain) member of Nest Level 1';
}

async function checkAmbiguousName(client: Client): Promise<string> {
  const { searchEntries } = await client.search(containers.contoso, {
    filter: '(&(objectClass=user)(cn=John Smith))',
    attributes: ['sAMAccountName'],
  });
  expect(searchEntries.length === 2, `${searchEntries.length} users named John Smith`);
  return 'two users are named John Smith';
}

async function readOne(client: Client, dn: string, attributes: string[]) {
  const { searchEntries } = await client.search(dn, {
    scope: 'base',
    attributes,
    explicitBufferAttributes: ['objectSid'],
  });
  const entry = searchEntries[0];
  if (entry === undefined) throw new Error(`Seed verification: ${dn} not found`);
  return entry;
}

function expect(condition: boolean, failure: string): asserts condition {
  if (!condition) throw new Error(`Seed verification failed: ${failure}`);
}
