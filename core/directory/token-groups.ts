import type { DirectoryObject } from '../../contract/directory.ts';
import { signalOf, type DirectoryContext } from './find-objects.ts';
import { present } from './ldap-filter.ts';
import { sidFromBuffer } from './sid.ts';

/**
 * The SIDs of every security group in an account's logon token: nested groups and the
 * primary group included, distribution groups never.
 *
 * One base search of the constructed `tokenGroups` attribute: the DC expands the nesting
 * itself, where an in-chain search per group costs seconds in a large domain. This is the
 * question authorization asks ("which security groups would this account's token carry?").
 */
export async function tokenGroupSids(context: DirectoryContext, object: DirectoryObject): Promise<string[]> {
  const [entry] = await context.session.searchAll({
    base: object.distinguishedName,
    scope: 'base',
    filter: present('objectClass'),
    attributes: ['tokenGroups'],
    ...signalOf(context),
  });
  const values = entry?.tokenGroups;
  const buffers = values === undefined ? [] : Array.isArray(values) ? values : [values];
  return buffers.flatMap((value) => (Buffer.isBuffer(value) ? [sidFromBuffer(value)] : [])).filter((sid) => sid !== object.sid);
}

/**
 * The token the DC built for this very connection, as the root DSE's `tokenGroups`: the bound
 * account's own SID, its groups and the well-known SIDs of a network logon. It is the server's
 * own view of who is bound (Samba answers no "Who am I?" extended operation), so a Kerberos
 * bind can be checked to be the ticket's user, not a bind account.
 */
export async function sessionTokenGroupSids(context: DirectoryContext): Promise<string[]> {
  const [entry] = await context.session.searchAll({
    base: '',
    scope: 'base',
    filter: present('objectClass'),
    attributes: ['tokenGroups'],
    ...signalOf(context),
  });
  const values = entry?.tokenGroups;
  const buffers = values === undefined ? [] : Array.isArray(values) ? values : [values];
  return buffers.flatMap((value) => (Buffer.isBuffer(value) ? [sidFromBuffer(value)] : []));
}
