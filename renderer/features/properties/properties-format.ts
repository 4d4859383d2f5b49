import { OBJECT_KIND_LABELS, type AccountList, type DirectoryObject, type GroupFacts, type MembershipPath } from '../../../contract/index.ts';

const SCOPE_LABELS: Readonly<Record<GroupFacts['scope'], string>> = {
  global: 'Global',
  'domain-local': 'Domain local',
  universal: 'Universal',
  'builtin-local': 'Builtin local',
};

const PATH_LABELS: Readonly<Record<MembershipPath, string>> = {
  direct: 'Direct',
  primary: 'Primary group',
  nested: 'Nested',
};

/**
 * An object's type as ADUC's Type column says it: "Security Group - Global", "User",
 * "Computer (domain controller)", "Managed service account".
 *
 * A group's scope and whether it is security-enabled decide what it can grant, so both are said.
 */
export function objectTypeLabel(object: Pick<DirectoryObject, 'kind' | 'group' | 'computerRole'>): string {
  if (object.kind === 'group' && object.group) return groupTypeLabel(object.group);
  if (object.kind === 'computer' && object.computerRole === 'domain-controller') return 'Computer (domain controller)';
  if (object.kind === 'service-account') return 'Managed service account';
  return OBJECT_KIND_LABELS[object.kind];
}

/** "Security Group - Global", "Distribution Group - Universal", as ADUC's Type column. */
export function groupTypeLabel(group: GroupFacts): string {
  return `${group.security ? 'Security' : 'Distribution'} Group - ${SCOPE_LABELS[group.scope]}`;
}

/** How a row reaches the account: "Direct", "Primary group", "Nested". */
export function membershipPathLabel(path: MembershipPath): string {
  return PATH_LABELS[path];
}

/** A GUID as Windows writes it in tools and the registry: `{xxxxxxxx-xxxx-…}`. */
export function bracedGuid(guid: string): string {
  return `{${guid}}`;
}

/**
 * What a Member Of or Members list holds, in words: "3 groups", "1 member", or, when the
 * directory holds more than the panel shows, "Showing the first 500 of 12,345 members".
 */
export function listCountText(list: AccountList, noun: { one: string; many: string }): string {
  const format = (count: number) => count.toLocaleString();
  const counted = (count: number) => `${format(count)} ${count === 1 ? noun.one : noun.many}`;
  if (list.rows.length < list.total) return `Showing the first ${format(list.rows.length)} of ${counted(list.total)}, by name`;
  return counted(list.total);
}
