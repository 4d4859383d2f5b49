import type { AuthorizedAccount } from '../contract/servers.ts';
import type { DirectoryObject } from '../contract/directory.ts';
import type { AuthorizedEntry, Finding, Role } from '../contract/policy.ts';
import { evaluateAuthorization } from '../core/policy/evaluate-authorization.ts';
import { gatherAuthorizationFacts } from '../core/policy/gather-facts.ts';
import type { AuthorizedAccountListing, ConnectorClient } from '../core/connector/index.ts';
import type { Directory } from '../core/directory/index.ts';
import { throwIfCancelled } from './abortable.ts';
import { ConsoleFailure } from './console-failure.ts';
import { directoryWithSignal } from './signal-directory.ts';

/**
 * A proposed grant judged against the live list: the object, the findings, the list.
 *
 * The listing's ETag is the version the findings hold for; a save compares it with the renderer's.
 */
export type Judgement = {
  readonly object: DirectoryObject;
  readonly findings: readonly Finding[];
  readonly listing: AuthorizedAccountListing;
};

/**
 * Judge granting `role` to the object with `sid`, from the directory and the live list.
 *
 * The same function serves the check the dialog shows and the save, which re-judges in main
 * instead of trusting what the renderer was shown. The object, the list and the connector
 * nodes are read together; only connector nodes that are alive count as hosts.
 */
export async function judgeGrant(session: { client: ConnectorClient; directory: Directory }, request: { role: Role; sid: string }, signal: AbortSignal): Promise<Judgement> {
  const directory = directoryWithSignal(session.directory, signal);
  const [object, listing, connectorNodeNames] = await Promise.all([
    directory.objectBySid(request.sid),
    session.client.listAuthorizedAccounts({ signal }),
    connectorNodeNamesOf(session.client, signal),
  ]);
  throwIfCancelled(signal);
  if (object === undefined) {
    throw new ConsoleFailure({
      code: 'NOT_FOUND',
      source: 'directory',
      title: 'Not found in the directory',
      message: `No object with the SID ${request.sid} exists in ${session.directory.domain.dnsDomainName}. It may have been deleted: check the name again.`,
    });
  }
  const facts = await gatherAuthorizationFacts(directory, { role: request.role, object, list: listing.list.entries.map(entryOf), connectorNodeNames, unknownConnectorNodes: 'ignore' });
  throwIfCancelled(signal);
  return { object, findings: evaluateAuthorization(facts), listing };
}

/**
 * A stored entry in the policy's shape.
 *
 * The policy judges SIDs, names and roles only; ids and audit fields stay with the service.
 */
export function entryOf(entry: AuthorizedAccount): AuthorizedEntry {
  return { sid: entry.sid, name: entry.name, role: entry.role };
}

/**
 * The alive connector nodes' computer names, which the rules treat as connector hosts.
 *
 * A node that stopped heartbeating no longer runs the connector, so it is not a host to warn about.
 */
export async function connectorNodeNamesOf(client: ConnectorClient, signal: AbortSignal): Promise<string[]> {
  return (await client.listConnectors({ signal })).nodes.filter((node) => node.alive).map((node) => node.name);
}
