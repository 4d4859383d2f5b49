import type { Finding } from '../../contract/policy.ts';
import type { AuthorizationFacts } from './authorization-facts.ts';
import { accountOf, countOf, finding, labelOf } from './finding.ts';

const ROLE_NAMES = { exchange: 'Exchange Server', sharepoint: 'SharePoint Server', fci: 'File server using FCI' } as const;

/**
 * Rules that apply whatever the role: broad principals, groups, disabled accounts, and how
 * the grant sits with the list and the connector nodes.
 */
export function commonFindings(facts: AuthorizationFacts): Finding[] {
  return [
    broadPrincipal(facts),
    alreadyAuthorized(facts),
    overlapping(facts),
    disabled(facts),
    connectorHost(facts),
    emptyGroup(facts),
    sharesCertificates(facts),
  ].flatMap((found) => found ?? []);
}

function broadPrincipal({ object, members, role, netbiosDomain }: AuthorizationFacts): Finding | undefined {
  const broad = [object, ...(role === 'exchange' ? members : [])].filter((candidate) => candidate.broadPrincipal !== undefined);
  if (broad.length === 0) return undefined;
  const names = broad.map((candidate) => candidate.broadPrincipal?.name ?? candidate.name).join(', ');
  const where = broad.includes(object) ? `${labelOf(object, netbiosDomain)} is ${names}` : `${labelOf(object, netbiosDomain)} contains ${names}`;
  return finding(
    'BROAD_PRINCIPAL',
    `${where}, which includes nearly every account in the organization. Authorize only the servers that need the connector.`,
    broad.map((candidate) => accountOf(candidate, netbiosDomain)),
  );
}

function alreadyAuthorized({ object, list, role, netbiosDomain }: AuthorizationFacts): Finding | undefined {
  if (!list.some(({ entry }) => sameSid(entry.sid, object.sid) && entry.role === role)) return undefined;
  return finding('ALREADY_AUTHORIZED', `${labelOf(object, netbiosDomain)} is already authorized for the ${ROLE_NAMES[role]} role.`, [
    accountOf(object, netbiosDomain),
  ]);
}

function overlapping({ object, members, list, role, netbiosDomain }: AuthorizationFacts): Finding | undefined {
  const covered = new Set([object.sid, ...members.map((member) => member.sid)].map((sid) => sid.toUpperCase()));
  const others = list.filter(({ entry, covered: entryCovers }) => {
    if (sameSid(entry.sid, object.sid) && entry.role === role) return false;
    return sameSid(entry.sid, object.sid) || [...entryCovers].some((sid) => covered.has(sid.toUpperCase()));
  });
  if (others.length === 0) return undefined;
  const names = others.map(({ entry }) => `${entry.name} (${ROLE_NAMES[entry.role]})`).join('; ');
  return finding(
    'OVERLAPPING_ENTRY',
    `Accounts in ${labelOf(object, netbiosDomain)} would also be covered by: ${names}. Keep each server in one, and only one, entry; an account under entries of different roles gets the rights of all of them.`,
    others.map(({ entry }) => ({ sid: entry.sid, name: entry.name })),
  );
}

function disabled({ object, members, role, netbiosDomain }: AuthorizationFacts): Finding | undefined {
  const label = labelOf(object, netbiosDomain);
  if (object.kind !== 'group') {
    return object.disabled
      ? finding('ACCOUNT_DISABLED', `${label} is disabled: the grant does nothing until the account is enabled, and takes effect silently when it is.`, [
          accountOf(object, netbiosDomain),
        ])
      : undefined;
  }
  // SharePoint runs under service accounts; Exchange and FCI under computer accounts.
  const servers = members.filter((member) => (role === 'sharepoint' ? member.kind !== 'group' : member.kind === 'computer'));
  if (servers.length === 0 || servers.some((server) => !server.disabled)) return undefined;
  return finding(
    'ACCOUNT_DISABLED',
    `Every server account in ${label} is disabled (${countOf(servers.length, 'account')}): no server can use the connector through this group.`,
    servers.map((server) => accountOf(server, netbiosDomain)),
  );
}

function connectorHost({ object, members, connectorNodes, netbiosDomain }: AuthorizationFacts): Finding | undefined {
  const nodeSids = new Set(connectorNodes.map((node) => node.sid.toUpperCase()));
  const hosts = [object, ...members].filter((candidate) => nodeSids.has(candidate.sid.toUpperCase()));
  if (hosts.length === 0) return undefined;
  return finding(
    'CONNECTOR_HOST',
    `${hosts.map((host) => labelOf(host, netbiosDomain)).join(', ')} ${hosts.length === 1 ? 'runs' : 'run'} the RMS connector. The connector must not run on a server that uses it: install the connector on separate computers.`,
    hosts.map((host) => accountOf(host, netbiosDomain)),
  );
}

function emptyGroup({ object, members, role, netbiosDomain }: AuthorizationFacts): Finding | undefined {
  // Nested groups grant nothing by themselves: a group of empty groups is still empty.
  if (object.kind !== 'group' || members.some((member) => member.kind !== 'group')) return undefined;
  const later =
    role === 'exchange'
      ? 'Anyone added to it later becomes a super user without another review.'
      : 'Accounts added to it later are authorized without another review.';
  return finding('EMPTY_GROUP', `${labelOf(object, netbiosDomain)} has no members, so the grant does nothing today. ${later}`, [
    accountOf(object, netbiosDomain),
  ]);
}

function sharesCertificates({ object, netbiosDomain }: AuthorizationFacts): Finding | undefined {
  if (object.kind !== 'group') return undefined;
  return finding(
    'GROUP_SHARES_CERTIFICATES',
    `The servers in ${labelOf(object, netbiosDomain)} will share the same RMS certificates: each of them can open, as an owner, anything another one protected.`,
    [accountOf(object, netbiosDomain)],
  );
}

function sameSid(left: string, right: string): boolean {
  return left.toUpperCase() === right.toUpperCase();
}
