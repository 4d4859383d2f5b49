import type { DirectoryObject, Resolution } from '../../contract/directory.ts';
import type { AuthorizedEntry, Role } from '../../contract/policy.ts';
import { DirectoryError, type Directory } from '../directory/index.ts';
import type { AuthorizationFacts, EntryFacts } from './authorization-facts.ts';
import { createGroupExpander, type GroupExpansion } from './expand-group.ts';
import { distinctSids, objectsBySid, resolveInBatches } from './resolve-entries.ts';

/** What to judge: a resolved object for a role, against the current list and connector nodes. */
export type AuthorizationRequest = {
  readonly role: Role;
  readonly object: DirectoryObject;
  readonly list: readonly AuthorizedEntry[];
  readonly connectorNodeNames: readonly string[];
  /** `ignore`: node names that are not one computer account are left out instead of stopping the check. */
  readonly unknownConnectorNodes?: UnknownConnectorNodes;
};

/**
 * What to do with a connector node name that is not exactly one computer account.
 *
 * The CLI takes node names typed by the admin, so a typo must stop the check (`refuse`, the
 * default) rather than silently skip the connector-host rule. The console takes the names the
 * nodes registered with the service, which need not be directory names (a node registered by
 * a DNS alias, a demo); the admin cannot fix them there, so they are left out (`ignore`).
 */
export type UnknownConnectorNodes = 'refuse' | 'ignore';

/**
 * The directory facts of a whole stored list, for the list review.
 *
 * `members` holds, for each entry SID that still resolves, its transitive members (empty for
 * anything but a group), so the review can name the accounts behind each finding.
 */
export type ListFacts = {
  readonly entries: readonly EntryFacts[];
  readonly members: ReadonlyMap<string, readonly DirectoryObject[]>;
  readonly connectorNodes: readonly DirectoryObject[];
};

type Expand = (object: DirectoryObject) => Promise<GroupExpansion>;

/**
 * Gather everything the rules need to judge one proposed grant.
 *
 * Round trips are the cost that matters against a remote DC: every list SID and connector
 * node name goes into one batched resolution, while the object's own expansion runs at the
 * same time; then every group entry is expanded concurrently (one search per group in its
 * nest, see {@link createGroupExpander}). A group shared by the object and entries is
 * searched once.
 */
export async function gatherAuthorizationFacts(directory: Directory, request: AuthorizationRequest): Promise<AuthorizationFacts> {
  const expand = createGroupExpander(directory);
  const [expansion, listFacts] = await Promise.all([
    expand(request.object),
    gatherList(directory, request.list, request.connectorNodeNames, expand, request.unknownConnectorNodes ?? 'refuse'),
  ]);
  return {
    role: request.role,
    object: request.object,
    members: expansion.members,
    list: listFacts.entries,
    connectorNodes: listFacts.connectorNodes,
    netbiosDomain: directory.domain.netbiosDomain,
  };
}

/**
 * Gather the facts of every entry of a stored list (and of the connector nodes) for a review.
 *
 * Same batching as {@link gatherAuthorizationFacts}: one resolution for all SIDs and node
 * names, then all group expansions concurrently.
 */
export function gatherEntryFacts(
  directory: Directory,
  list: readonly AuthorizedEntry[],
  connectorNodeNames: readonly string[] = [],
  unknownConnectorNodes: UnknownConnectorNodes = 'refuse',
): Promise<ListFacts> {
  return gatherList(directory, list, connectorNodeNames, createGroupExpander(directory), unknownConnectorNodes);
}

async function gatherList(
  directory: Directory,
  list: readonly AuthorizedEntry[],
  connectorNodeNames: readonly string[],
  expand: Expand,
  unknownConnectorNodes: UnknownConnectorNodes,
): Promise<ListFacts> {
  const sids = distinctSids(list);
  const resolutions = await resolveInBatches(directory, [...sids, ...connectorNodeNames]);
  const nodeResolutions = resolutions.slice(sids.length);
  const connectorNodes =
    unknownConnectorNodes === 'ignore'
      ? nodeResolutions.flatMap((resolution) => (resolution.status === 'resolved' && resolution.object.kind === 'computer' ? [resolution.object] : []))
      : connectorNodeNames.map((name, index) => connectorNodeOf(name, nodeResolutions[index], directory.domain.netbiosDomain));
  const bySid = objectsBySid(sids, resolutions.slice(0, sids.length));
  const resolved = [...bySid.values()];
  const expansions = await Promise.all(resolved.map(expand));
  const membersBySid = new Map(resolved.map((object, index) => [object.sid.toUpperCase(), expansions[index]?.members ?? []]));
  const members = new Map<string, readonly DirectoryObject[]>();
  const entries = list.map((entry): EntryFacts => {
    const object = bySid.get(entry.sid.toUpperCase());
    if (object === undefined) return { entry, object, covered: new Set() };
    const entryMembers = membersBySid.get(entry.sid.toUpperCase()) ?? [];
    members.set(entry.sid, entryMembers);
    return { entry, object, covered: new Set([object.sid, ...entryMembers.map((member) => member.sid)]) };
  });
  return { entries, members, connectorNodes };
}

/**
 * A connector node must be exactly one computer account; anything else stops the check.
 *
 * Silently dropping a node that does not resolve would silently skip the "connector on a
 * server it serves" check, so the admin is told to fix the name instead.
 */
function connectorNodeOf(name: string, resolution: Resolution | undefined, netbiosDomain: string): DirectoryObject {
  if (resolution?.status === 'ambiguous') {
    const candidates = resolution.candidates.map((candidate) => candidate.samAccountName ?? candidate.name).join(', ');
    throw new DirectoryError(
      'INVALID_INPUT',
      `Connector node "${name}" matches ${resolution.candidates.length} objects (${candidates}). Give its computer account as ${netbiosDomain}\\NAME$.`,
    );
  }
  if (resolution?.status !== 'resolved') {
    throw new DirectoryError(
      'INVALID_INPUT',
      `Connector node "${name}" was not found in the directory. Give the computer name of a server the connector runs on, for example RMSCON01.`,
    );
  }
  if (resolution.object.kind !== 'computer') {
    throw new DirectoryError(
      'INVALID_INPUT',
      `Connector node "${name}" is a ${resolution.object.kind}, not a computer account. Give the computer name of a server the connector runs on.`,
    );
  }
  return resolution.object;
}
