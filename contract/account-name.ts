import type { DirectoryObject } from './directory.ts';

const BUILTIN_DOMAIN_SID = 'S-1-5-32-';

/**
 * The one way an account's name is shown: `CORP\EXCH03$`, `BUILTIN\IIS_IUSRS`, or the object's
 * name when it has no logon name.
 *
 * Builtin groups belong to no domain (their SIDs are S-1-5-32-…), so Windows prefixes them
 * with BUILTIN; everything else in the domain carries its NetBIOS name.
 */
export function accountNameOf(object: Pick<DirectoryObject, 'sid' | 'name' | 'samAccountName'>, netbiosDomain: string): string {
  if (object.samAccountName === undefined || object.samAccountName === '') return object.name;
  const domain = object.sid.startsWith(BUILTIN_DOMAIN_SID) ? 'BUILTIN' : netbiosDomain;
  return `${domain}\\${object.samAccountName}`;
}
