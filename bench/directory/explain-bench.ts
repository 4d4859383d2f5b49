import { EqualityFilter, OrFilter } from 'ldapts';
import type { AuthorizedEntry } from '../../contract/policy.ts';
import type { Directory } from '../../core/directory/index.ts';
import { sidFromBuffer } from '../../core/directory/sid.ts';
import { explainAccess } from '../../core/policy/explain-access.ts';
import { benchGroupDn, benchLayout, benchUser, explainChainDepth, explainChainGroups, explainChains, explainUserIndex } from './bench-layout.ts';
import type { LdapSearchTool, LdifEntry } from './ldapsearch.ts';
import { compareInterleaved, countsOf, formatMs, type Counts, type Series } from './measure.ts';
import { expectCount, ratioRow, type Problem, type Row } from './report.ts';

/**
 * The series of benchmark (d): explainAccess against an admin's ldapsearch script, and one
 * ldapsearch process's fixed cost (spawn, TLS, bind, a one-entry base search) to split the script's time.
 */
export type ExplainResult = { readonly ours: Series; readonly ldapsearch: Series; readonly ldapsearchOneCall: Series };

/** Steps of each admitting path: the account and the five groups of its chain. */
export const expectedPathLength = explainChainDepth + 1;

/** The admitting entries (d) expects: one per chain. */
export const expectedGrants = explainChains.length;

/** The name (d) explains, as an admin types it. */
export const explainedName = `${benchLayout.netbiosDomain}\\${benchUser(explainUserIndex).account}`;

/**
 * (d) Explain an account in ten groups nested five deep, admitted by two entries: ours against
 * the same answer scripted with ldapsearch.
 *
 * Ours is `explainAccess` (name resolution, `tokenGroups`, the group graph upward, the paths,
 * the advice), with its LDAP round trips counted. The anchor is what an admin would script: one
 * ldapsearch for the account (DN, SID, memberOf), one for its `tokenGroups`, then one per level
 * upward with an OR of the level's DNs, stopping as soon as every listed group in the token is
 * reached. Both must find both entries through the expected paths (SID by SID), every run.
 */
export async function benchExplain(directory: Directory, ldapsearch: LdapSearchTool, log: (line: string) => void): Promise<ExplainResult> {
  const chains = await Promise.all(
    explainChains.map(async (chain) => ({ chain, sids: await Promise.all(explainChainGroups(chain).map((name) => sidOf(directory, benchGroupDn(name)))) })),
  );
  const list: AuthorizedEntry[] = chains.map(({ chain, sids }) => ({
    sid: sids[0] ?? '',
    name: `${benchLayout.netbiosDomain}\\${explainChainGroups(chain)[0] ?? ''}`,
    role: chain.role,
  }));
  const accountSid = await sidOf(directory, benchUser(explainUserIndex).dn);
  // Account first, then the chain from the group it is in up to the listed one.
  const expectedPaths = new Map(chains.map(({ sids }) => [(sids[0] ?? '').toUpperCase(), [accountSid, ...sids.toReversed()].join(' ')]));
  const asExpected = (paths: readonly { entrySid: string; path: readonly string[] }[]) =>
    paths.filter(({ entrySid, path }) => expectedPaths.get(entrySid.toUpperCase()) === path.join(' ')).length;
  const ours = async (): Promise<Counts> => {
    const before = directory.roundTrips();
    const explanation = await explainAccess(directory, list, explainedName, { role: 'fci' });
    const grants = explanation.status === 'found' ? explanation.grants : [];
    return {
      roundTrips: directory.roundTrips() - before,
      admitted: explanation.admitted ? 1 : 0,
      grants: grants.length,
      pathsOfExpectedLength: grants.filter((grant) => grant.path.length === expectedPathLength).length,
      pathsAsExpected: asExpected(grants.map((grant) => ({ entrySid: grant.entry.sid, path: grant.path.map((step) => step.sid) }))),
    };
  };
  const anchor = async (): Promise<Counts> => {
    const answer = await explainWithLdapsearch(ldapsearch, list);
    return {
      roundTrips: answer.calls,
      admitted: answer.paths.some((path) => path.role === 'fci') ? 1 : 0,
      grants: answer.paths.length,
      pathsOfExpectedLength: answer.paths.filter((path) => path.path.length === expectedPathLength).length,
      pathsAsExpected: asExpected(answer.paths),
    };
  };
  const oneCall = async (): Promise<Counts> => ({ entries: await ldapsearch.count(benchLayout.baseDn, 'base', '(objectClass=*)', ['1.1']) });
  return compareInterleaved({ ours, ldapsearch: anchor, ldapsearchOneCall: oneCall }, log);
}

/** The table rows of (d): wall time, and round trips (ldapsearch processes for the anchor). */
export function explainRows({ ours, ldapsearch, ldapsearchOneCall }: ExplainResult): Row[] {
  const first = (series: Series, key: string) => countsOf(series, key)[0] ?? Number.NaN;
  return [
    ratioRow(`(d) explain ${explainedName} (10 groups, 5 deep), time`, ours.medianMilliseconds, ldapsearch.medianMilliseconds, formatMs),
    ratioRow('(d) LDAP round trips / ldapsearch calls', first(ours, 'roundTrips'), first(ldapsearch, 'roundTrips'), String),
    ratioRow('(d) of which: one ldapsearch call (spawn+TLS+bind)', ldapsearchOneCall.medianMilliseconds, ldapsearch.medianMilliseconds, formatMs),
    ratioRow('(d) paths as expected (ours / script)', first(ours, 'pathsAsExpected'), first(ldapsearch, 'pathsAsExpected'), String, {
      text: `both ${expectedGrants}`,
      test: () => first(ours, 'pathsAsExpected') === expectedGrants && first(ldapsearch, 'pathsAsExpected') === expectedGrants,
    }),
  ];
}

/** Every run of both sides must admit the account through both entries, on the expected paths. */
export function checkExplain({ ours, ldapsearch, ldapsearchOneCall }: ExplainResult): Problem[] {
  const oneCall = expectCount('(d) ldapsearch base search', ldapsearchOneCall, 'entries', 1);
  return [ours, ldapsearch]
    .flatMap((series, index) => {
      const what = index === 0 ? '(d) explainAccess' : '(d) ldapsearch script';
      return [
        ...expectCount(what, series, 'admitted', 1),
        ...expectCount(what, series, 'grants', expectedGrants),
        ...expectCount(what, series, 'pathsOfExpectedLength', expectedGrants),
        ...expectCount(what, series, 'pathsAsExpected', expectedGrants),
      ];
    })
    .concat(oneCall);
}

/** One admitting entry found by the script, and the SIDs from the account up to it. */
type ScriptedPath = { readonly entrySid: string; readonly role: string; readonly path: readonly string[] };

/**
 * The answer as an admin scripting ldapsearch would compute it, one process per search.
 *
 * Only groups in the account's token are followed (distribution groups never admit), as the
 * connector and our layer do.
 */
async function explainWithLdapsearch(ldapsearch: LdapSearchTool, list: readonly AuthorizedEntry[]): Promise<{ calls: number; paths: ScriptedPath[] }> {
  let calls = 0;
  const search = (base: string, scope: 'base' | 'sub', filter: string, attributes: readonly string[]) => {
    calls += 1;
    return ldapsearch.entries(base, scope, filter, attributes);
  };
  const account = benchUser(explainUserIndex).account;
  const [self] = await search(benchLayout.baseDn, 'sub', new EqualityFilter({ attribute: 'sAMAccountName', value: account }).toString(), [
    'objectSid',
    'memberOf',
  ]);
  if (self === undefined) throw new Error(`ldapsearch did not find ${account}`);
  const accountSid = sidOfEntry(self);
  const [tokenEntry] = await search(self.dn, 'base', '(objectClass=*)', ['tokenGroups']);
  const token = new Set((tokenEntry?.attributes.get('tokengroups') ?? []).map((value) => sidFromBuffer(value).toUpperCase()));
  const wanted = new Map(list.filter((entry) => token.has(entry.sid.toUpperCase())).map((entry) => [entry.sid.toUpperCase(), entry]));
  const previous = new Map<string, string>();
  const sidByDn = new Map<string, string>([[self.dn.toLowerCase(), accountSid]]);
  const parentsOf = (entry: LdifEntry) =>
    (entry.attributes.get('memberof') ?? []).map((value) => ({ dn: value.toString('utf8'), child: entry.dn.toLowerCase() }));
  let frontier = parentsOf(self);
  const reached = new Set<string>();
  while (frontier.length > 0 && [...wanted.keys()].some((sid) => !reached.has(sid))) {
    const unread = frontier.filter(({ dn }) => !sidByDn.has(dn.toLowerCase()));
    const filter = new OrFilter({ filters: unread.map(({ dn }) => new EqualityFilter({ attribute: 'distinguishedName', value: dn })) }).toString();
    const level = unread.length === 0 ? [] : await search(benchLayout.baseDn, 'sub', filter, ['objectSid', 'memberOf']);
    const childOf = new Map(unread.map(({ dn, child }) => [dn.toLowerCase(), child]));
    frontier = [];
    for (const group of level) {
      const sid = sidOfEntry(group).toUpperCase();
      if (!token.has(sid)) continue;
      sidByDn.set(group.dn.toLowerCase(), sid);
      previous.set(sid, sidByDn.get(childOf.get(group.dn.toLowerCase()) ?? '') ?? '');
      reached.add(sid);
      frontier.push(...parentsOf(group));
    }
  }
  const paths = [...wanted.values()].flatMap((entry): ScriptedPath[] => {
    const chain: string[] = [];
    for (let sid: string | undefined = entry.sid.toUpperCase(); sid !== undefined && sid !== '' && sid !== accountSid; sid = previous.get(sid))
      chain.unshift(sid);
    return reached.has(entry.sid.toUpperCase()) ? [{ entrySid: entry.sid, role: entry.role, path: [accountSid, ...chain] }] : [];
  });
  return { calls, paths };
}

function sidOfEntry(entry: LdifEntry): string {
  const [value] = entry.attributes.get('objectsid') ?? [];
  if (value === undefined) throw new Error(`ldapsearch printed no objectSid for ${entry.dn}`);
  return sidFromBuffer(value);
}

async function sidOf(directory: Directory, distinguishedName: string): Promise<string> {
  const [resolution] = await directory.resolveNames([distinguishedName]);
  if (resolution?.status !== 'resolved') throw new Error(`${distinguishedName} did not resolve: ${JSON.stringify(resolution)}`);
  return resolution.object.sid;
}
