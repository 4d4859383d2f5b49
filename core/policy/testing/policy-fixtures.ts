import type { DirectoryObject } from '../../../contract/directory.ts';
import type { AuthorizedEntry, Role } from '../../../contract/policy.ts';
import type { AuthorizationFacts, EntryFacts } from '../authorization-facts.ts';

let nextRid = 2000;

/** A directory object for unit tests of the rules; only what a test sets differs. */
export function makeObject(overrides: Partial<DirectoryObject> & Pick<DirectoryObject, 'name' | 'kind'>): DirectoryObject {
  nextRid += 1;
  return {
    sid: `S-1-5-21-1-2-3-${nextRid}`,
    guid: `00000000-0000-0000-0000-${String(nextRid).padStart(12, '0')}`,
    distinguishedName: `CN=${overrides.name},OU=Test,DC=corp,DC=contoso,DC=test`,
    ...(overrides.kind === 'foreign-principal' ? {} : { samAccountName: overrides.kind === 'computer' ? `${overrides.name}$` : overrides.name }),
    disabled: false,
    servicePrincipalNames: [],
    canonicalName: `corp.contoso.test/Test/${overrides.name}`,
    inFolder: 'corp.contoso.test/Test',
    ...(overrides.kind === 'group' ? { group: { scope: 'global' as const, security: true } } : {}),
    ...(overrides.kind === 'computer' ? { computerRole: 'member' as const } : {}),
    ...overrides,
  };
}

/** Facts for one proposed grant, with an empty list and no connector nodes by default. */
export function makeFacts(role: Role, object: DirectoryObject, overrides: Partial<AuthorizationFacts> = {}): AuthorizationFacts {
  return { role, object, members: [], list: [], connectorNodes: [], netbiosDomain: 'CORP', ...overrides };
}

/** A list entry with the SIDs it covers. */
export function makeEntry(
  object: DirectoryObject | undefined,
  role: Role,
  members: readonly DirectoryObject[] = [],
  sid = object?.sid ?? 'S-1-5-21-1-2-3-999999',
): EntryFacts {
  const entry: AuthorizedEntry = { sid, name: object ? `CORP\\${object.samAccountName ?? object.name}` : 'CORP\\deleted', role };
  return { entry, object, covered: new Set([sid, ...members.map((member) => member.sid)]) };
}
