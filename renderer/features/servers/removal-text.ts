import type { AuthorizedAccount, ObjectKind, RemovalImpact, Role } from '../../../contract/index.ts';
import { roleLabel } from '../../format/labels.ts';

const KIND_WORDS: Readonly<Record<ObjectKind, string>> = {
  user: 'a user account',
  computer: 'a computer account',
  group: 'a group',
  'service-account': 'a service account',
  'foreign-principal': 'a foreign security principal',
  contact: 'a contact',
  container: 'a container',
  other: 'a directory object',
};

/** "a group", "a computer account": what an entry is, in a sentence (never just "server"). */
export function kindWords(kind: ObjectKind): string {
  return KIND_WORDS[kind];
}

/**
 * What an account loses when its entry goes, in the admin's terms.
 *
 * Removing the Exchange entry also ends super-user rights through it, which an admin may not
 * connect with "remove a server"; the dialog says so before the click, not after.
 */
export function removalConsequence(role: Role, kind: ObjectKind): string {
  switch (role) {
    case 'exchange':
      return `${kind === 'group' ? 'Its members stop' : 'It stops'} being super users through this entry, and the Exchange servers in it can no longer open or protect content with the connector.`;
    case 'sharepoint':
    case 'fci':
      return kind === 'group'
        ? 'The servers in it can no longer use the connector to protect or open content.'
        : 'That server can no longer use the connector to protect or open content.';
  }
}

function namesText(first: readonly string[], total: number): string {
  const rest = total - first.length;
  return rest > 0 ? `${first.join(', ')} and ${String(rest)} more` : first.join(', ');
}

/**
 * Who loses access, as main read it from the directory; undefined while it is being read.
 *
 * A group's members are counted at any depth (nested groups, primary groups); an account in
 * another entry of the list keeps what that entry gives it, which the sentence says.
 */
export function whoLosesAccess(entry: AuthorizedAccount, impact: RemovalImpact): string {
  if (impact.object === null) return `${entry.name} no longer exists in the directory, so nobody loses access: removing it only tidies the list.`;
  const { members } = impact;
  if (members === null) return `${impact.object.label} itself loses access.`;
  if (members.total === 0) return `${impact.object.label} has no members today, so nobody loses access now.`;
  const count = members.total === 1 ? '1 account' : `${String(members.total)} accounts`;
  return `${count} in it (nested groups and primary groups included) lose the access it gives them: ${namesText(members.first, members.total)}. An account that another entry also allows keeps that access.`;
}

/** The confirmation's first sentence: what the entry is and for which role. */
export function entrySentence(entry: AuthorizedAccount, kind: ObjectKind): string {
  return `${entry.name} is ${kindWords(kind)}, allowed to use the connector as ${roleLabel(entry.role)}.`;
}
