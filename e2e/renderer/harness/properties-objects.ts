import { Attribute, Change, type Client } from 'ldapts';
import type { AdConnection } from '../../ad/ad-connection.ts';
import { openClient } from '../../ad/ldaps-client.ts';
import { TEST_DOMAIN } from './test-domain.ts';

const UNIVERSAL_SECURITY = '-2147483640';

/**
 * A spec's own accounts for the Properties panel, in an OU of its own: a group holding a nested
 * group and a computer one OU deeper (in "Servers (Lab)"), the nested group holding a disabled
 * user with a description.
 *
 * `remove` deletes everything this made (leftovers of an earlier run with the same tag first).
 */
export type PropertiesObjects = {
  readonly folder: string;
  readonly group: { readonly cn: string; readonly sam: string };
  readonly nested: { readonly cn: string; readonly sam: string };
  readonly computerSam: string;
  readonly userSam: string;
  readonly userDescription: string;
  remove(): Promise<void>;
};

/** Make the objects under the seed's Contoso OU; `tag` (at most 8 characters) keeps runs apart. */
export async function createPropertiesObjects(connection: AdConnection, tag: string): Promise<PropertiesObjects> {
  const admin: Client = await openClient(connection);
  await admin.bind(connection.user, connection.password);
  const ou = `OU=E2E Props ${tag},OU=Contoso,${connection.baseDn}`;
  const serversOu = `OU=Servers (Lab),${ou}`;
  const group = { cn: `E2E Props Exchange ${tag}`, sam: `epx-${tag}` };
  const nested = { cn: `E2E Props Nested (Lab) ${tag}`, sam: `epn-${tag}` };
  const computerSam = `EPC${tag}$`;
  const userSam = `epd-${tag}`;
  const userDescription = 'Left the company';
  const dns = { group: `CN=${group.cn},${ou}`, nested: `CN=${nested.cn},${ou}`, computer: `CN=EPC${tag},${serversOu}`, user: `CN=${userSam},${ou}` };
  const remove = async () => {
    for (const dn of [dns.user, dns.computer, dns.nested, dns.group, serversOu, ou]) await admin.del(dn).catch(() => undefined);
  };
  await remove();
  await admin.add(ou, { objectClass: ['top', 'organizationalUnit'] });
  await admin.add(serversOu, { objectClass: ['top', 'organizationalUnit'] });
  for (const [dn, sam] of [
    [dns.group, group.sam],
    [dns.nested, nested.sam],
  ] as const)
    await admin.add(dn, { objectClass: ['top', 'group'], sAMAccountName: sam, groupType: UNIVERSAL_SECURITY });
  await admin.add(dns.computer, {
    objectClass: ['top', 'person', 'organizationalPerson', 'user', 'computer'],
    sAMAccountName: computerSam,
    userAccountControl: '4096',
  });
  await admin.add(dns.user, {
    objectClass: ['top', 'person', 'organizationalPerson', 'user'],
    sAMAccountName: userSam,
    userAccountControl: '514',
    description: userDescription,
  });
  const addMember = (groupDn: string, member: string) =>
    admin.modify(groupDn, [new Change({ operation: 'add', modification: new Attribute({ type: 'member', values: [member] }) })]);
  await addMember(dns.group, dns.nested);
  await addMember(dns.group, dns.computer);
  await addMember(dns.nested, dns.user);
  return {
    folder: `${TEST_DOMAIN}/Contoso/E2E Props ${tag}`,
    group,
    nested,
    computerSam,
    userSam,
    userDescription,
    async remove() {
      await remove();
      await admin.unbind().catch(() => undefined);
    },
  };
}
