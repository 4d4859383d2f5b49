import { EqualityFilter, type Filter, OrFilter, type Client } from 'ldapts';
import type { Resolution } from '../../contract/directory.ts';
import type { Directory } from '../../core/directory/index.ts';
import { OBJECT_ATTRIBUTES } from '../../core/directory/directory-object.ts';
import { BINARY_ATTRIBUTES } from '../../core/directory/ldap-session.ts';
import { sidFromBuffer, sidToBuffer } from '../../core/directory/sid.ts';
import { benchLayout, benchUser } from './bench-layout.ts';
import { compareInterleaved, type Counts, type Series } from './measure.ts';

/** One name to resolve, the exact filter a bare lookup would send, and the expected outcome. */
type NamedLookup = { readonly name: string; readonly filter: Filter; readonly expect: Resolution['status'] };

/** The series of benchmark (b) and the mix of names it resolved. */
export type ResolutionResult = { readonly ours: Series; readonly bare: Series; readonly nameMix: Readonly<Record<string, number>> };

const computers = ['EXCH01$', 'EXCH02$', 'EXCH03$', 'FS01$', 'FS02$', 'FS03$', 'FSOLD$', 'RMSCON01$', 'RMSCON02$', 'SP2010$'];

/**
 * (b) Resolve 100 mixed names in one call, against 100 bare searches, one per name.
 *
 * The bare side sends, for each name, the filter its form pins down (the same clauses our
 * batched search ORs together), sequentially on an open connection, as a naive "Check Names"
 * would. Round trips are the point: over a WAN each one costs a network latency.
 */
export async function benchResolution(directory: Directory, client: Client, log: (line: string) => void): Promise<ResolutionResult> {
  const { lookups, nameMix } = await buildLookups(client);
  const names = lookups.map((lookup) => lookup.name);
  const ours = async (): Promise<Counts> => {
    const before = directory.roundTrips();
    const resolutions = await directory.resolveNames(names);
    const asExpected = resolutions.filter((resolution, index) => resolution.status === lookups[index]?.expect).length;
    return { roundTrips: directory.roundTrips() - before, asExpected };
  };
  const bare = async (): Promise<Counts> => {
    let asExpected = 0;
    for (const lookup of lookups) {
      const { searchEntries } = await client.search(benchLayout.baseDn, {
        scope: 'sub',
        filter: lookup.filter,
        attributes: [...OBJECT_ATTRIBUTES],
        explicitBufferAttributes: BINARY_ATTRIBUTES,
      });
      if ((searchEntries.length === 1) === (lookup.expect === 'resolved')) asExpected += 1;
    }
    return { roundTrips: lookups.length, asExpected };
  };
  return { ...(await compareInterleaved({ ours, bare }, log)), nameMix };
}

/** The number of names `benchResolution` sends. */
export const nameCount = 100;

/**
 * Build the 100 names: every form an admin types, spread over the whole OU.
 *
 * SIDs are read from the directory first (they are assigned by the DC), outside the timing.
 */
async function buildLookups(client: Client): Promise<{ lookups: NamedLookup[]; nameMix: Record<string, number> }> {
  const pick = (slot: number) => benchUser(((slot * 197) % benchLayout.userCount) + 1);
  const lookups: NamedLookup[] = [];
  const nameMix: Record<string, number> = {};
  const add = (form: string, lookup: NamedLookup) => {
    lookups.push(lookup);
    nameMix[form] = (nameMix[form] ?? 0) + 1;
  };
  let slot = 0;
  const sam = (value: string) => equals('sAMAccountName', value);
  const plain = (value: string) => new OrFilter({ filters: [sam(value), equals('name', value), equals('displayName', value)] });
  for (let index = 0; index < 15; index += 1, slot += 1)
    add('CORP\\sam', { name: `${benchLayout.netbiosDomain}\\${pick(slot).account}`, filter: sam(pick(slot).account), expect: 'resolved' });
  for (let index = 0; index < 15; index += 1, slot += 1) {
    const { account } = pick(slot);
    const upn = `${account}@${benchLayout.dnsDomain}`;
    add('UPN', { name: upn, filter: new OrFilter({ filters: [equals('userPrincipalName', upn), sam(account)] }), expect: 'resolved' });
  }
  for (let index = 0; index < 15; index += 1, slot += 1)
    add('sAMAccountName', { name: pick(slot).account, filter: plain(pick(slot).account), expect: 'resolved' });
  for (const computer of computers) add('NAME$', { name: computer, filter: sam(computer), expect: 'resolved' });
  for (let index = 0; index < 15; index += 1, slot += 1)
    add('DN', { name: pick(slot).dn, filter: equals('distinguishedName', pick(slot).dn), expect: 'resolved' });
  for (let index = 0; index < 10; index += 1, slot += 1) {
    const sid = await sidOf(client, pick(slot).account);
    add('SID', { name: sid, filter: equals('objectSid', sidToBuffer(sid)), expect: 'resolved' });
  }
  for (let index = 0; index < 10; index += 1, slot += 1) {
    // Four of five digits: an ANR prefix of ten accounts, so each of these is ambiguous.
    const prefix = pick(slot).account.slice(0, -1);
    add('ANR prefix', { name: prefix, filter: equals('anr', prefix), expect: 'ambiguous' });
  }
  for (let index = 0; index < 10; index += 1, slot += 1) add('display name', { name: pick(slot).cn, filter: plain(pick(slot).cn), expect: 'resolved' });
  if (lookups.length !== nameCount) throw new Error(`Built ${lookups.length} names instead of ${nameCount}`);
  return { lookups, nameMix };
}

function equals(attribute: string, value: string | Buffer): Filter {
  return new EqualityFilter({ attribute, value });
}

async function sidOf(client: Client, account: string): Promise<string> {
  const { searchEntries } = await client.search(benchLayout.organizationalUnit, {
    scope: 'one',
    filter: equals('sAMAccountName', account),
    attributes: ['objectSid'],
    explicitBufferAttributes: ['objectSid'],
  });
  const sid = searchEntries[0]?.objectSid;
  if (!Buffer.isBuffer(sid)) throw new Error(`No objectSid for ${account}`);
  return sidFromBuffer(sid);
}
