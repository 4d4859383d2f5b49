import { AlreadyExistsError, Attribute, Change, type Client } from 'ldapts';
import type { AdConnection } from '../../e2e/ad/ad-connection.ts';
import { openClient, withBoundClient } from '../../e2e/ad/ldaps-client.ts';
import { benchGroupDn, benchLayout, benchUser, explainChainGroups, explainChains, explainUserIndex, partGroups } from './bench-layout.ts';

/** What seeding did: which users it made sure of, how many users and member links it added, and how long it took. */
export type SeedReport = { readonly scope: SeedScope; readonly addedUsers: number; readonly addedLinks: number; readonly milliseconds: number };

/**
 * Which bench users a run needs: all 20,000 (the OU enumeration and Check Names spread over
 * them), or only the group members (users 1–5,000 of `Bench 5000` and the explain account).
 *
 * Every user makes Samba's in-chain searches slower for the other suites sharing the test DC,
 * so a run of (c)–(e) alone adds no more users than those groups hold.
 */
export type SeedScope = 'all users' | 'group members';

const parallelConnections = 6;
const linksPerModify = 1_000;
const globalSecurityGroup = String(0x8000_0002 | 0);

/**
 * Create whatever part of the benchmark data is missing, and nothing else.
 *
 * Seeding runs over LDAPS because the offline ldb tools need Samba stopped; a second run
 * finds everything in place and only pays for one listing and sixteen group reads.
 */
export async function seedBenchData(connection: AdConnection, scope: SeedScope, log: (line: string) => void): Promise<SeedReport> {
  const started = performance.now();
  const { missing, extra } = await withBoundClient(connection, async (client) => {
    await ensureEntry(client, benchLayout.organizationalUnit, { objectClass: 'organizationalUnit' });
    await ensureEntry(client, benchLayout.groupsUnit, { objectClass: 'organizationalUnit' });
    return missingUsers(client, wantedUsers(scope));
  });
  if (extra.length > 0)
    throw new Error(`${benchLayout.organizationalUnit} holds ${extra.length} users the benchmark did not create (e.g. ${extra[0] ?? ''}); remove them first.`);
  log(
    missing.length === 0
      ? `All ${scope === 'all users' ? benchLayout.userCount : 'needed'} bench users present`
      : `Adding ${missing.length} bench users over ${parallelConnections} LDAPS connections…`,
  );
  if (missing.length > 0) await addUsers(connection, missing, log);
  const addedLinks = await withBoundClient(connection, (client) => ensureGroups(client, log));
  return { scope, addedUsers: missing.length, addedLinks, milliseconds: performance.now() - started };
}

function wantedUsers(scope: SeedScope): number[] {
  if (scope === 'all users') return Array.from({ length: benchLayout.userCount }, (_, offset) => offset + 1);
  const members = partGroups.flatMap((part) => Array.from({ length: benchLayout.usersPerPart }, (_, offset) => part.firstUser + offset));
  return [...members, explainUserIndex];
}

async function ensureEntry(client: Client, dn: string, attributes: Record<string, string | string[]>): Promise<boolean> {
  try {
    await client.add(dn, attributes);
    return true;
  } catch (error) {
    if (error instanceof AlreadyExistsError) return false;
    throw error;
  }
}

/** Which of the wanted user numbers are absent, and any account in the OU that is not one of ours. */
async function missingUsers(client: Client, wanted: readonly number[]): Promise<{ missing: number[]; extra: string[] }> {
  const present = new Set<string>();
  const extra: string[] = [];
  const pages = client.searchPaginated(benchLayout.organizationalUnit, {
    scope: 'one',
    filter: benchLayout.userFilter,
    attributes: ['sAMAccountName'],
    paged: { pageSize: 1_000 },
  });
  for await (const page of pages) {
    for (const entry of page.searchEntries) {
      const account = String(entry.sAMAccountName).toLowerCase();
      if (/^bench\.user\.\d{5}$/.test(account) && Number(account.slice(-5)) <= benchLayout.userCount) present.add(account);
      else extra.push(account);
    }
  }
  return { missing: wanted.filter((index) => !present.has(benchUser(index).account)), extra };
}

/**
 * Add users from a shared queue over several connections.
 *
 * Samba takes ~120 adds/s on one connection, most of it waiting for its own commit; several
 * connections keep both cores busy.
 */
async function addUsers(connection: AdConnection, indexes: readonly number[], log: (line: string) => void): Promise<void> {
  const started = performance.now();
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    const client = await openClient(connection);
    try {
      await client.bind(connection.user, connection.password);
      for (let position = next++; position < indexes.length; position = next++) {
        await ensureEntry(client, benchUser(indexes[position] ?? 0).dn, userAttributes(indexes[position] ?? 0));
        done += 1;
        if (done % 1_000 === 0 || done === indexes.length) {
          const seconds = (performance.now() - started) / 1_000;
          log(`  ${done}/${indexes.length} users added (${Math.round(done / seconds)}/s, ${seconds.toFixed(0)} s)`);
        }
      }
    } finally {
      await client.unbind().catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: parallelConnections }, worker));
}

function userAttributes(index: number): Record<string, string> {
  const { cn, account } = benchUser(index);
  // No password: Samba would hash one for each add, and no benchmark binds as these users.
  return {
    objectClass: 'user',
    sAMAccountName: account,
    userPrincipalName: `${account}@${benchLayout.dnsDomain}`,
    displayName: cn,
    givenName: 'Bench',
    sn: cn.slice('Bench '.length),
  };
}

/** Create the groups and add the member links they lack; returns how many links were added. */
async function ensureGroups(client: Client, log: (line: string) => void): Promise<number> {
  const expected = new Map<string, string[]>([[benchLayout.topGroup, []]]);
  for (const part of partGroups) {
    expected.set(
      part.name,
      Array.from({ length: benchLayout.usersPerPart }, (_, offset) => benchUser(part.firstUser + offset).dn),
    );
  }
  for (const part of partGroups) expected.get(part.parent)?.push(benchGroupDn(part.name));
  for (const chain of explainChains) {
    const names = explainChainGroups(chain);
    names.forEach((name, level) => {
      const below = names[level + 1];
      expected.set(name, [below === undefined ? benchUser(explainUserIndex).dn : benchGroupDn(below)]);
    });
  }
  // Every group first: a link to a group that does not exist yet is refused.
  for (const name of expected.keys()) {
    if (await ensureEntry(client, benchGroupDn(name), { objectClass: 'group', sAMAccountName: name, groupType: globalSecurityGroup }))
      log(`  created group ${name}`);
  }
  let added = 0;
  for (const [name, members] of expected) {
    const dn = benchGroupDn(name);
    const { searchEntries } = await client.search(dn, { scope: 'base', filter: '(objectClass=group)', attributes: ['member'] });
    const current = new Set([searchEntries[0]?.member ?? []].flat().map((value) => String(value).toLowerCase()));
    const lacking = members.filter((member) => !current.has(member.toLowerCase()));
    for (let offset = 0; offset < lacking.length; offset += linksPerModify) {
      const values = lacking.slice(offset, offset + linksPerModify);
      await client.modify(dn, new Change({ operation: 'add', modification: new Attribute({ type: 'member', values }) }));
    }
    if (lacking.length > 0) log(`  ${name}: added ${lacking.length} member links`);
    added += lacking.length;
  }
  return added;
}
