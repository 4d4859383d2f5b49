import { accountNameOf } from '../../contract/account-name.ts';
import type { DirectoryObject, Resolution } from '../../contract/directory.ts';

/** How an object is named in listings: the one form of contract/account-name.ts. */
export function accountLabel(object: DirectoryObject, netbiosDomain: string): string {
  return accountNameOf(object, netbiosDomain);
}

/** A short type label: "computer", "security group (universal)", "user (disabled)". */
export function kindLabel(object: DirectoryObject): string {
  const base = object.group ? `${object.group.security ? 'security' : 'distribution'} group (${object.group.scope})` : object.kind;
  const flags = [
    object.disabled ? 'disabled' : undefined,
    object.computerRole === 'domain-controller' ? 'domain controller' : undefined,
    object.broadPrincipal ? 'broad principal' : undefined,
  ].filter(Boolean);
  return flags.length > 0 ? `${base}, ${flags.join(', ')}` : base;
}

/** Lay rows out in aligned columns (no trailing spaces). */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** One line per object: account, type, SID, In Folder. */
export function formatObjects(objects: readonly DirectoryObject[], netbiosDomain: string): string {
  if (objects.length === 0) return '(none)';
  return formatTable([
    ['Account', 'Type', 'SID', 'In Folder'],
    ...objects.map((object) => [accountLabel(object, netbiosDomain), kindLabel(object), object.sid, object.inFolder]),
  ]);
}

/**
 * Transitive members with the way each comes in: `(direct)`, or the nested groups from the
 * listed group down (`CORP\\Exchange Servers > CORP\\Install Servers`), marked when the last
 * link is the member's primary group, which the group's Members tab does not show.
 */
export function formatMembersThrough(
  members: readonly (DirectoryObject & { readonly through: readonly string[]; readonly throughPrimaryGroup: boolean })[],
  netbiosDomain: string,
): string {
  if (members.length === 0) return '(none)';
  const throughOf = (member: (typeof members)[number]) =>
    `${member.through.length === 0 ? '(direct)' : member.through.join(' > ')}${member.throughPrimaryGroup ? ' (primary group)' : ''}`;
  return formatTable([
    ['Account', 'Type', 'Through', 'SID'],
    ...members.map((member) => [accountLabel(member, netbiosDomain), kindLabel(member), throughOf(member), member.sid]),
  ]);
}

/** The human form of a batch of resolutions, ambiguous candidates indented below their name. */
export function formatResolutions(resolutions: readonly Resolution[], netbiosDomain: string): string {
  const rows: string[][] = [];
  for (const resolution of resolutions) {
    if (resolution.status === 'resolved') {
      rows.push(['resolved', resolution.input, accountLabel(resolution.object, netbiosDomain), kindLabel(resolution.object), resolution.object.sid]);
    } else if (resolution.status === 'ambiguous') {
      rows.push(['ambiguous', resolution.input, `${resolution.candidates.length} matches:`, '', '']);
      for (const candidate of resolution.candidates)
        rows.push(['', '', accountLabel(candidate, netbiosDomain), kindLabel(candidate), `In Folder: ${candidate.inFolder}`]);
    } else {
      rows.push(['not found', resolution.input, resolution.reason, '', '']);
    }
  }
  return formatTable(rows);
}

/**
 * Every fact about one object, one per line, for `directory info`.
 *
 * The primary group is named when the directory found it (`primaryGroup`), else shown by SID.
 */
export function formatFacts(object: DirectoryObject, netbiosDomain: string, primaryGroup?: DirectoryObject): string {
  const facts: [string, string | undefined][] = [
    ['Account', accountLabel(object, netbiosDomain)],
    ['Name', object.name],
    ['Display name', object.displayName],
    ['Type', kindLabel(object)],
    [
      'Status',
      object.kind === 'user' || object.kind === 'computer' || object.kind === 'service-account' ? (object.disabled ? 'disabled' : 'enabled') : undefined,
    ],
    ['SID', object.sid],
    ['GUID', object.guid],
    ['Distinguished name', object.distinguishedName],
    ['In Folder', object.inFolder],
    ['User principal name', object.userPrincipalName],
    ['DNS host name', object.dnsHostName],
    ['Primary group', primaryGroup ? `${accountLabel(primaryGroup, netbiosDomain)} (${primaryGroup.sid})` : object.primaryGroupSid],
    ['Service principal names', object.servicePrincipalNames.length > 0 ? object.servicePrincipalNames.join(', ') : undefined],
    ['Broad principal', object.broadPrincipal?.reason],
  ];
  return formatTable(facts.flatMap(([label, value]) => (value === undefined ? [] : [[`${label}:`, value]])));
}
