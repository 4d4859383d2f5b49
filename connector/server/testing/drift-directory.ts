import type { Client } from 'ldapts';
import { Attribute, Change } from 'ldapts';
import { adAdminClient, CONTOSO_OU, SEED_PASSWORD } from '../../../core/directory/testing/ad-test-connection.ts';
import { seedSids } from './seed-sids.ts';

const UNIVERSAL_SECURITY = '-2147483640';

/**
 * Groups and accounts of one drift test in an OU of its own (removed by `remove`): an Exchange
 * group holding a computer and a nested group, and a user the test moves in and out of the nested
 * group with LDAP, as an AD admin would. Seeded objects are never touched.
 */
export type DriftDirectory = {
  readonly outer: { readonly cn: string; readonly sam: string };
  readonly nested: { readonly cn: string; readonly sam: string };
  readonly computerSam: string;
  readonly userSam: string;
  /** The outer group's SID, to authorize it as an Exchange entry. */
  outerSid(): Promise<string>;
  addUserToNested(): Promise<void>;
  removeUserFromNested(): Promise<void>;
  remove(): Promise<void>;
};

/** Build the test's OU; `tag` keeps the names of concurrent files apart (at most 8 characters). */
export async function createDriftDirectory(tag: string): Promise<DriftDirectory> {
  const admin: Client = await adAdminClient();
  const ou = `OU=Drift ${tag},${CONTOSO_OU}`;
  const dnOf = (cn: string) => `CN=${cn},${ou}`;
  const outer = { cn: `Drift Exchange ${tag}`, sam: `drx-${tag}` };
  const nested = { cn: `Drift Nested ${tag}`, sam: `drn-${tag}` };
  const computerSam = `DRC${tag}$`;
  const userSam = `dru-${tag}`;
  await admin.add(ou, { objectClass: ['top', 'organizationalUnit'] });
  for (const group of [outer, nested])
    await admin.add(dnOf(group.cn), { objectClass: ['top', 'group'], sAMAccountName: group.sam, groupType: UNIVERSAL_SECURITY });
  await admin.add(dnOf(`DRC${tag}`), {
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
  await member('add', outer.cn, dnOf(`DRC${tag}`));
  return {
    outer,
    nested,
    computerSam,
    userSam,
    outerSid: async () => {
      const sid = (await seedSids([outer.sam]))[outer.sam];
      if (sid === undefined) throw new Error(`${outer.sam} has no SID.`);
      return sid;
    },
    addUserToNested: () => member('add', nested.cn, dnOf(userSam)),
    removeUserFromNested: () => member('delete', nested.cn, dnOf(userSam)),
    async remove() {
      for (const cn of [userSam, `DRC${tag}`, nested.cn, outer.cn]) await admin.del(dnOf(cn)).catch(() => undefined);
      await admin.del(ou).catch(() => undefined);
      await admin.unbind();
    },
  };
}
