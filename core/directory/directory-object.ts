import type { Entry } from 'ldapts';
import type { DirectoryObject, GroupFacts, ObjectKind } from '../../contract/directory.ts';
import { inFolderOf } from './canonical-name.ts';
import { bufferOf, firstOf, valuesOf } from './entry-values.ts';
import { guidFromBuffer } from './guid.ts';
import { sidFromBuffer } from './sid.ts';
import { broadPrincipalOf } from './well-known-principals.ts';

/** The attributes every object read asks for, so one search yields all its facts. */
export const OBJECT_ATTRIBUTES = [
  'objectSid',
  'objectGUID',
  'objectClass',
  'distinguishedName',
  'name',
  'displayName',
  'description',
  'sAMAccountName',
  'userPrincipalName',
  'dNSHostName',
  'groupType',
  'userAccountControl',
  'servicePrincipalName',
  'primaryGroupID',
  'canonicalName',
  'operatingSystem',
  'givenName',
  'sn',
  'mail',
] as const;

const UAC_ACCOUNT_DISABLE = 0x2;
const UAC_SERVER_TRUST = 0x2000;
const GROUP_SCOPE_BUILTIN = 0x1;
const GROUP_SCOPE_GLOBAL = 0x2;
const GROUP_SCOPE_DOMAIN_LOCAL = 0x4;
const GROUP_SCOPE_UNIVERSAL = 0x8;
const CONTAINER_CLASSES = new Set(['organizationalunit', 'container', 'builtindomain', 'domaindns', 'lostandfound']);

/**
 * Turn a search entry into the facts the console reasons about.
 *
 * Returns undefined for entries without a SID or GUID (containers and other non-principals
 * are not things an admin can authorize). `domainSid` turns primaryGroupID into a SID.
 */
export function toDirectoryObject(entry: Entry, domainSid: string): DirectoryObject | undefined {
  const sidBuffer = bufferOf(entry, 'objectSid');
  const guidBuffer = bufferOf(entry, 'objectGUID');
  if (!sidBuffer || !guidBuffer) return undefined;
  const sid = sidFromBuffer(sidBuffer);
  const classes = valuesOf(entry, 'objectClass').map((value) => value.toLowerCase());
  const kind = kindOf(classes);
  const userAccountControl = Number(firstOf(entry, 'userAccountControl') ?? 0);
  const groupType = firstOf(entry, 'groupType');
  const primaryGroupId = firstOf(entry, 'primaryGroupID');
  const canonicalName = firstOf(entry, 'canonicalName') ?? entry.dn;
  const broadPrincipal = broadPrincipalOf(sid);
  const rdnName = firstOf(entry, 'name') ?? entry.dn;
  return {
    sid,
    guid: guidFromBuffer(guidBuffer),
    distinguishedName: entry.dn,
    name: kind === 'foreign-principal' && broadPrincipal ? broadPrincipal.name : rdnName,
    ...optional('displayName', firstOf(entry, 'displayName')),
    ...optional('description', firstOf(entry, 'description')),
    ...optional('samAccountName', firstOf(entry, 'sAMAccountName')),
    ...optional('userPrincipalName', firstOf(entry, 'userPrincipalName')),
    ...optional('dnsHostName', firstOf(entry, 'dNSHostName')),
    ...optional('operatingSystem', firstOf(entry, 'operatingSystem')),
    kind,
    ...(kind === 'group' && groupType !== undefined ? { group: groupFactsOf(Number(groupType)) } : {}),
    disabled: kind !== 'group' && (userAccountControl & UAC_ACCOUNT_DISABLE) !== 0,
    ...(kind === 'computer' || kind === 'service-account'
      ? { computerRole: (userAccountControl & UAC_SERVER_TRUST) !== 0 ? ('domain-controller' as const) : ('member' as const) }
      : {}),
    servicePrincipalNames: valuesOf(entry, 'servicePrincipalName'),
    ...(primaryGroupId !== undefined ? { primaryGroupSid: `${domainSid}-${primaryGroupId}` } : {}),
    canonicalName,
    inFolder: inFolderOf(canonicalName),
    ...(broadPrincipal ? { broadPrincipal } : {}),
  };
}

/** The scope and security flag encoded in groupType. */
export function groupFactsOf(groupType: number): GroupFacts {
  const bits = groupType >>> 0;
  const security = (bits & 0x8000_0000) !== 0;
  if (bits & GROUP_SCOPE_BUILTIN) return { scope: 'builtin-local', security };
  if (bits & GROUP_SCOPE_UNIVERSAL) return { scope: 'universal', security };
  if (bits & GROUP_SCOPE_DOMAIN_LOCAL) return { scope: 'domain-local', security };
  if (bits & GROUP_SCOPE_GLOBAL) return { scope: 'global', security };
  return { scope: 'global', security };
}

/** The most specific kind an object's class chain names. */
export function kindOf(classes: readonly string[]): ObjectKind {
  const has = (name: string) => classes.includes(name);
  if (has('foreignsecurityprincipal')) return 'foreign-principal';
  if (has('msds-groupmanagedserviceaccount') || has('msds-managedserviceaccount')) return 'service-account';
  if (has('computer')) return 'computer';
  if (has('group')) return 'group';
  if (has('user')) return 'user';
  if (has('contact')) return 'contact';
  if (classes.some((name) => CONTAINER_CLASSES.has(name))) return 'container';
  return 'other';
}

/** True when an object class chain is one the browse tree can open. */
export function isContainerClass(classes: readonly string[]): boolean {
  return classes.some((name) => CONTAINER_CLASSES.has(name.toLowerCase()));
}

function optional<Key extends string>(key: Key, value: string | undefined): { [K in Key]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [K in Key]?: string };
}
