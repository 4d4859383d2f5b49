import type { DirectoryObject } from '../../contract/directory.ts';
import type { AdmittingGrant, ExplainAdvice, Explanation, PathStep } from '../../contract/explain.ts';
import type { AuthorizedEntry, Role } from '../../contract/policy.ts';
import { hiddenCharacterMessage } from '../../contract/hidden-characters.ts';
import { DirectoryError, type Directory, type GroupGraph } from '../directory/index.ts';
import { labelOf } from './finding.ts';
import { explainAdvice, likelyRole } from './explain-advice.ts';

/**
 * SIDs every network logon's token carries besides the account's groups: the connector sees
 * them when a server authenticates, though no `tokenGroups` attribute lists them.
 */
const EVERY_NETWORK_LOGON: Readonly<Record<string, string>> = {
  'S-1-1-0': 'Everyone',
  'S-1-5-2': 'NETWORK',
  'S-1-5-11': 'Authenticated Users',
  'S-1-5-15': 'This Organization',
};

/** What can authenticate to the connector. */
const ACCOUNT_KINDS: ReadonlySet<string> = new Set(['user', 'computer', 'service-account']);

/** How many entries of the role are looked at for "join this group" advice. */
const MAX_CANDIDATES = 20;

/** What explaining needs: the list to judge against, the role asked, and the time (for "recently changed"). */
export type ExplainOptions = { readonly role?: Role | undefined; readonly now?: Date | undefined; readonly signal?: AbortSignal | undefined };

/**
 * Why the connector admits or refuses an account, computed as the connector does it.
 *
 * The connector sees the token of the server that authenticates: its own SID, every security
 * group it is in (nested and primary included; distribution groups never) and the SIDs every
 * network logon carries. `tokenGroups` gives the groups as the DC computes them; the group graph
 * (memberOf upward) gives the path from the account to each admitting entry.
 */
export async function explainAccess(directory: Directory, list: readonly AuthorizedEntry[], input: string, options: ExplainOptions = {}): Promise<Explanation> {
  checkExplainInput(input);
  const signal = options.signal;
  const [resolution] = await directory.resolveNames([input], signal ? { signal } : {});
  const role = options.role;
  if (resolution === undefined || resolution.status === 'not-found') {
    return { status: 'not-found', input, ...(role ? { role } : {}), admitted: false, advice: explainAdvice.notFound(input, list) };
  }
  if (resolution.status === 'ambiguous') return { status: 'ambiguous', input, ...(role ? { role } : {}), admitted: false, candidates: resolution.candidates };
  const account = resolution.object;
  if (!ACCOUNT_KINDS.has(account.kind)) {
    throw new DirectoryError(
      'INVALID_INPUT',
      `${labelOf(account, directory.domain.netbiosDomain)} is a ${account.kind === 'group' ? 'group' : account.kind}: a server authenticates to the connector as its computer or service account, so explain that account (directory members lists a group's members).`,
    );
  }
  const [tokenGroups, graph] = await Promise.all([directory.tokenGroupSids(account, signal), directory.groupGraph(account, signal)]);
  const netbios = directory.domain.netbiosDomain;
  const token = new Set([account.sid, ...tokenGroups, ...Object.keys(EVERY_NETWORK_LOGON)].map((sid) => sid.toUpperCase()));
  const grants = list.filter((entry) => token.has(entry.sid.toUpperCase())).map((entry) => grantOf(entry, account, graph, token, netbios));
  const roles = [...new Set(grants.map((grant) => grant.entry.role))];
  const admitted = role === undefined ? grants.length > 0 : roles.includes(role);
  const superUser = grants.some((grant) => grant.entry.role === 'exchange');
  const accountName = labelOf(account, netbios);
  const wanted = role ?? likelyRole(account);
  const joinable = admitted ? [] : await joinableGroups(directory, list, wanted, token, signal);
  const advice: ExplainAdvice[] = explainAdvice.forAccount({
    account,
    accountName,
    role,
    wanted,
    admitted,
    grants,
    list,
    graph,
    token,
    joinable,
    now: options.now ?? new Date(),
  });
  return {
    status: 'found',
    input,
    account,
    accountName,
    ...(role ? { role } : {}),
    admitted,
    roles,
    superUser,
    grants,
    advice,
    tokenGroupCount: tokenGroups.length,
  };
}

/** Security groups the list authorizes for the role the account needs, that it is not in: the nearest fixes. */
async function joinableGroups(
  directory: Directory,
  list: readonly AuthorizedEntry[],
  role: Role,
  token: ReadonlySet<string>,
  signal: AbortSignal | undefined,
): Promise<AuthorizedEntry[]> {
  const candidates = list.filter((entry) => entry.role === role && !token.has(entry.sid.toUpperCase())).slice(0, MAX_CANDIDATES);
  if (candidates.length === 0) return [];
  const resolutions = await directory.resolveNames(
    candidates.map((entry) => entry.sid),
    signal ? { signal } : {},
  );
  const securityGroups = new Set(
    resolutions.flatMap((resolution) =>
      resolution.status === 'resolved' && resolution.object.group?.security === true ? [resolution.object.sid.toUpperCase()] : [],
    ),
  );
  return candidates.filter((entry) => securityGroups.has(entry.sid.toUpperCase()));
}

/** The longest name Active Directory holds (a distinguished name); a longer one is no name. */
const MAX_NAME_LENGTH = 1024;

/**
 * Refuse what cannot be one account's name before anything reaches the directory: a pattern
 * (explain answers for one account), an empty or oversized name, hidden characters.
 */
export function checkExplainInput(input: string): void {
  const hidden = hiddenCharacterMessage(input, 'the name');
  if (hidden !== undefined) throw new DirectoryError('INVALID_INPUT', hidden);
  if (input.trim() === '')
    throw new DirectoryError('INVALID_INPUT', 'Give the name of one account: DOMAIN\\name, name@domain, NAME$ for a computer, or its SID.');
  if (input.length > MAX_NAME_LENGTH)
    throw new DirectoryError(
      'INVALID_INPUT',
      `The name is ${input.length.toLocaleString('en-US')} characters long; no account name is longer than ${MAX_NAME_LENGTH.toLocaleString('en-US')}.`,
    );
  if (input.includes('*'))
    throw new DirectoryError(
      'INVALID_INPUT',
      'Explain answers for one account, not a pattern: give its full name instead of "*" (search for it first with directory search).',
    );
}

/** The shortest path from the account up to the entry, through groups of its token only. */
function grantOf(entry: AuthorizedEntry, account: DirectoryObject, graph: GroupGraph, token: ReadonlySet<string>, netbios: string): AdmittingGrant {
  const self: PathStep = { sid: account.sid, name: labelOf(account, netbios), kind: account.kind };
  const target = entry.sid.toUpperCase();
  if (target === account.sid.toUpperCase()) return { entry, path: [self], direct: true, throughPrimaryGroup: false, everyLogon: false };
  const everyLogonName = EVERY_NETWORK_LOGON[target];
  if (everyLogonName !== undefined) {
    return { entry, path: [self, { sid: entry.sid, name: everyLogonName, kind: 'well-known' }], direct: false, throughPrimaryGroup: false, everyLogon: true };
  }
  const previous = new Map<string, string>();
  let frontier = graph.parentSids.filter((sid) => token.has(sid.toUpperCase()));
  for (const sid of frontier) previous.set(sid, account.sid);
  while (frontier.length > 0 && !frontier.some((sid) => sid.toUpperCase() === target)) {
    const next: string[] = [];
    for (const sid of frontier) {
      for (const parent of graph.groups.get(sid)?.parentSids ?? []) {
        if (previous.has(parent) || !token.has(parent.toUpperCase())) continue;
        previous.set(parent, sid);
        next.push(parent);
      }
    }
    frontier = next;
  }
  const found = frontier.find((sid) => sid.toUpperCase() === target);
  // In the token but not reached through memberOf (a group of another domain of the forest,
  // or one the bind account may not read): the entry still admits the account, directly from its token.
  if (found === undefined)
    return { entry, path: [self, { sid: entry.sid, name: entry.name, kind: 'group' }], direct: false, throughPrimaryGroup: false, everyLogon: false };
  const chain: string[] = [];
  for (let sid: string | undefined = found; sid !== undefined && sid !== account.sid; sid = previous.get(sid)) chain.unshift(sid);
  const steps = chain.map((sid): PathStep => {
    const node = graph.groups.get(sid);
    return node
      ? { sid, name: labelOf(node.group, netbios), kind: node.group.kind, ...(node.whenChanged ? { whenChanged: node.whenChanged } : {}) }
      : { sid, name: sid, kind: 'group' };
  });
  return { entry, path: [self, ...steps], direct: false, throughPrimaryGroup: chain[0] !== undefined && chain[0] === graph.primaryGroupSid, everyLogon: false };
}
