import { Attribute, Change, type Client } from 'ldapts';
import type { AdConnection } from '../../ad/ad-connection.ts';
import { openClient } from '../../ad/ldaps-client.ts';
import { SEED_PASSWORD } from './test-domain.ts';

const UNIVERSAL_SECURITY = '-2147483640';

/**
 * A spec's own Exchange group with a nested group, a computer and a user, in an OU of its own.
 *
 * The user starts outside the nested group; the spec moves it in and out with LDAP, as an AD
 * admin would, between two of the node's expansions. Seeded objects are never touched, and
 * `remove` deletes everything this made (also after a failed run: leftovers of an earlier run
 * with the same tag are removed first).
 */
export type DriftObjects = {
  readonly outer: { readonly cn: string; readonly sam: string };
  readonly nested: { readonly cn: string; readonly sam: string };
  readonly computerSam: string;
  readonly userSam: string;
  addUserToNested(): Promise<void>;
  removeUserFromNested(): Promise<void>;
  remove(): Promise<void>;
};

/** Make the objects under the seed's Contoso OU; `tag` (at most 8 characters) keeps runs apart. */
export async function createDriftObjects(connection: AdConnection, tag: string): Promise<DriftObjects> {
  const admin: Client = await openClient(connection);
  await admin.bind(connection.user, connection.password);
  const ou = `OU=E2E Drift ${tag},OU=Contoso,${connection.baseDn}`;
  const dnOf = (cn: string) => `CN=${cn},${ou}`;
  const outer = { cn: `E2E Drift Exchange ${tag}`, sam: `edx-${tag}` };
  const nested = { cn: `E2E Drift Nested ${tag}`, sam: `edn-${tag}` };
  const computerSam = `EDC${tag}$`;
  const userSam = `edu-${tag}`;
  const cns = [userSam, `EDC${tag}`, nested.cn, outer.cn];
  const remove = async () => {
    for (const cn of cns) await admin.del(dnOf(cn)).catch(() => undefined);
    await admin.del(ou).catch(() => undefined);
  };
  await remove();
  await admin.add(ou, { objectClass: ['top', 'organizationalUnit'] });
  for (const group of [outer, nested])
    await admin.add(dnOf(group.cn), { objectClass: ['top', 'group'], sAMAccountName: group.sam, groupType: UNIVERSAL_SECURITY });
  await admin.add(dnOf(`EDC${tag}`), {
    objectClass: ['top', 'person', 'organizationalPerson', 'user', 'computer'],
    sAMAccountName: computerSam,
    userAccountControl: '4096',
  });
  await admin.add(dnOf(userSam), [
    new Attribute({ type: 'objectClass', values: ['top', 'person', 'organizationalPerson', 'user'] }),
    new Attribute({ type: 'sAMAccountName', values: [userSam] }),
    new Attribute({ type: 'userAccountControl', values: ['512'] }),
    new Attribute({ type: 'unicodePwd', values: [Buffer.from(`"${SEED_PASSWORD}"`, 'utf16le')] }),
  ]);
  const member = (operation: 'add' | 'delete', group: string, dn: string) =>
    admin.modify(dnOf(group), [new Change({ operation, modification: new Attribute({ type: 'member', values: [dn] }) })]);
  await member('add', outer.cn, dnOf(nested.cn));
  await member('add', outer.cn, dnOf(`EDC${tag}`));
  return {
    outer,
    nested,
    computerSam,
    userSam,
    addUserToNested: () => member('add', nested.cn, dnOf(userSam)),
    removeUserFromNested: () => member('delete', nested.cn, dnOf(userSam)),
    async remove() {
      await remove();
      await admin.unbind().catch(() => undefined);
    },
  };
}
