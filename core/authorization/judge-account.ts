import type { Role } from '../../contract/policy.ts';
import type { AuthorizedAccountListing, ConnectorClient } from '../connector/index.ts';
import type { Directory } from '../directory/index.ts';
import { entryOf } from './entry-of.ts';
import { judgeGrant, type Judgement } from './judge-grant.ts';
import { resolveAccount, type AccountLookup, type AccountReference } from './resolve-account.ts';

/** The connector service operations judging and authorizing need, and nothing else. */
export type AuthorizationService = Pick<ConnectorClient, 'listAuthorizedAccounts' | 'listConnectors' | 'addAuthorizedAccount'>;

/**
 * Where the connector hosts come from.
 *
 * `service`: the nodes registered with the service that are alive; their names need not be
 * directory names (a DNS alias, a demo) and the admin cannot fix them, so a name that is not
 * one computer account is left out. `typed`: names the admin typed (`--connector-node`); a
 * typo must stop the check rather than silently skip the connector-host rule.
 */
export type ConnectorHosts = { readonly from: 'service' } | { readonly from: 'typed'; readonly names: readonly string[] };

/** Granting `role` to the account a reference names, judged against the live list. */
export type AccountGrant = { readonly role: Role; readonly account: AccountReference; readonly connectorHosts: ConnectorHosts };

/**
 * A grant judged against the live list, or the reason the account could not be judged.
 *
 * The listing's ETag is the version the findings hold for: a save compares it with the
 * version the admin looked at and sends it as `If-Match`.
 */
export type AccountJudgement =
  | Exclude<AccountLookup, { readonly status: 'resolved' }>
  | { readonly status: 'judged'; readonly judgement: Judgement; readonly listing: AuthorizedAccountListing };

/**
 * Resolve the account, read the live list (and the service's connector nodes), then judge.
 *
 * The object, the list and the nodes are read together, one round trip of waiting. The
 * signal goes to the service calls and stops the work between steps; the caller hands a
 * directory that honours it too.
 */
export async function judgeAccount(directory: Directory, service: AuthorizationService, grant: AccountGrant, signal?: AbortSignal): Promise<AccountJudgement> {
  const options = signal === undefined ? {} : { signal };
  const [lookup, listing, connectorNodeNames] = await Promise.all([
    resolveAccount(directory, grant.account),
    service.listAuthorizedAccounts(options),
    connectorNodeNamesOf(service, grant.connectorHosts, signal),
  ]);
  signal?.throwIfAborted();
  if (lookup.status !== 'resolved') return lookup;
  const judgement = await judgeGrant(directory, {
    role: grant.role,
    object: lookup.object,
    list: listing.list.entries.map(entryOf),
    connectorNodeNames,
    unknownConnectorNodes: grant.connectorHosts.from === 'service' ? 'ignore' : 'refuse',
  });
  signal?.throwIfAborted();
  return { status: 'judged', judgement, listing };
}

/**
 * The alive connector nodes' computer names, which the rules treat as connector hosts.
 *
 * A node that stopped heartbeating no longer runs the connector, so it is not a host to warn about.
 */
export async function aliveConnectorNodeNames(service: Pick<ConnectorClient, 'listConnectors'>, signal?: AbortSignal): Promise<string[]> {
  return (await service.listConnectors(signal === undefined ? {} : { signal })).nodes.filter((node) => node.alive).map((node) => node.name);
}

function connectorNodeNamesOf(service: AuthorizationService, hosts: ConnectorHosts, signal: AbortSignal | undefined): Promise<readonly string[]> {
  return hosts.from === 'service' ? aliveConnectorNodeNames(service, signal) : Promise.resolve(hosts.names);
}
