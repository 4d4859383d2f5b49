import type { DirectoryObject } from '../../contract/directory.ts';
import type { AuthorizedEntry, Role } from '../../contract/policy.ts';

/**
 * What the directory says about one entry already in the authorized list.
 *
 * `object` is undefined when the stored SID no longer resolves (an orphaned entry); `covered`
 * holds the SIDs the entry grants: the object itself and, for a group, every transitive
 * member (primary-group members included).
 */
export type EntryFacts = {
  readonly entry: AuthorizedEntry;
  readonly object: DirectoryObject | undefined;
  readonly covered: ReadonlySet<string>;
};

/**
 * Everything the policy needs to judge one proposed grant, gathered beforehand.
 *
 * The rules are a pure function of this: the gathering service does the directory round
 * trips, the rules only read. `members` is empty for anything but a group.
 */
export type AuthorizationFacts = {
  readonly role: Role;
  readonly object: DirectoryObject;
  readonly members: readonly DirectoryObject[];
  readonly list: readonly EntryFacts[];
  readonly connectorNodes: readonly DirectoryObject[];
  readonly netbiosDomain: string;
};
