import type { Client } from 'ldapts';
import { Attribute, Change } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountList, AccountProperties } from '../../contract/account-properties.ts';
import { connectDirectory, type Directory } from './directory-service.ts';
import { DirectoryError } from './directory-error.ts';
import { adAdminClient, adConnectOptions, CONTOSO_OU } from './testing/ad-test-connection.ts';

const PID = process.pid;
const OU = `OU=Properties ${PID},${CONTOSO_OU}`;
const SERVERS_OU = `OU=Servers (Lab),${OU}`;
const EXCHANGE_OU = `OU=Exchange,${SERVERS_OU}`;
const GLOBAL_SECURITY = '-2147483646';
const cn = {
  outer: `Props Outer ${PID}`,
  inner: `Props Inner (Lab) ${PID}`,
  disabled: `Props Disabled ${PID}`,
  contractor: `Props User (Contractor) ${PID}`,
  computer: `PRX${PID}`,
};
const sam = {
  outer: `pro-outer-${PID}`,
  inner: `pro-inner-${PID}`,
  disabled: `pro-dis-${PID}`,
  contractor: `pro-con-${PID}`,
  computer: `PRX${PID}$`,
};
const dnOf = {
  outer: `CN=${cn.outer},${OU}`,
  inner: `CN=${cn.inner},${OU}`,
  disabled: `CN=${cn.disabled},${OU}`,
  contractor: `CN=${cn.contractor},${OU}`,
  computer: `CN=${cn.computer},${EXCHANGE_OU}`,
};
const FOLDER = `corp.contoso.test/Contoso/Properties ${PID}`;

/** The rows of a list as "DOMAIN\sam path", for one readable comparison. */
const rowsOf = (list: AccountList | undefined) => list?.rows.map((row) => `${row.accountName} ${row.path}`);

/**
 * Account properties against the Samba DC, on objects this test creates in an OU of its own
 * (removed afterwards): a disabled user, a computer two OUs deep, nested groups, names with ( ).
 */
describe('account properties against the test DC', () => {
  let admin: Client;
  let directory: Directory;
  const sids = new Map<keyof typeof cn, string>();
  const sidOf = (key: keyof typeof cn): string => sids.get(key) ?? '';
  const read = async (
    key: keyof typeof cn,
    options: { transitiveMemberOf?: boolean; transitiveMembers?: boolean; limit?: number } = {},
  ): Promise<AccountProperties> => {
    const properties = await directory.accountProperties(sidOf(key), options);
    if (properties === undefined) throw new Error(`${key} was not found`);
    return properties;
  };

  beforeAll(async () => {
    admin = await adAdminClient();
    for (const ou of [OU, SERVERS_OU, EXCHANGE_OU]) await admin.add(ou, { objectClass: ['top', 'organizationalUnit'] });
    await admin.add(dnOf.outer, {
      objectClass: ['top', 'group'],
      sAMAccountName: sam.outer,
      groupType: GLOBAL_SECURITY,
      description: 'Exchange servers and their admins',
    });
    await admin.add(dnOf.inner, { objectClass: ['top', 'group'], sAMAccountName: sam.inner, groupType: GLOBAL_SECURITY });
    await admin.add(dnOf.disabled, {
      objectClass: ['top', 'person', 'organizationalPerson', 'user'],
      sAMAccountName: sam.disabled,
      userPrincipalName: `${sam.disabled}@corp.contoso.test`,
      userAccountControl: '514',
      description: 'Left the company',
    });
    await admin.add(dnOf.contractor, {
      objectClass: ['top', 'person', 'organizationalPerson', 'user'],
      sAMAccountName: sam.contractor,
      userAccountControl: '514',
    });
    await admin.add(dnOf.computer, {
      objectClass: ['top', 'person', 'organizationalPerson', 'user', 'computer'],
      sAMAccountName: sam.computer,
      userAccountControl: '4096',
    });
    const addMember = (group: string, member: string) =>
      admin.modify(group, [new Change({ operation: 'add', modification: new Attribute({ type: 'member', values: [member] }) })]);
    await addMember(dnOf.outer, dnOf.inner);
    await addMember(dnOf.outer, dnOf.contractor);
    await addMember(dnOf.inner, dnOf.disabled);
    await addMember(dnOf.inner, dnOf.computer);
    directory = await connectDirectory(adConnectOptions());
    const resolutions = await directory.resolveNames(Object.values(dnOf));
    for (const [index, key] of (Object.keys(cn) as (keyof typeof cn)[]).entries()) {
      const resolution = resolutions[index];
      if (resolution?.status !== 'resolved') throw new Error(`${key} did not resolve`);
      sids.set(key, resolution.object.sid);
    }
  });

  afterAll(async () => {
    await directory.close();
    for (const dn of [dnOf.computer, dnOf.contractor, dnOf.disabled, dnOf.inner, dnOf.outer, EXCHANGE_OU, SERVERS_OU, OU])
      await admin.del(dn).catch(() => undefined);
    await admin.unbind();
  });

  it('reads a disabled user: names, description, folder, dates, and Member Of with its primary group', async () => {
    const properties = await read('disabled');
    expect({
      accountName: properties.accountName,
      upn: properties.object.userPrincipalName,
      kind: properties.object.kind,
      disabled: properties.object.disabled,
      description: properties.description,
      inFolder: properties.object.inFolder,
      memberOf: rowsOf(properties.memberOf),
      members: properties.members,
    }).toEqual({
      accountName: `CORP\\${sam.disabled}`,
      upn: `${sam.disabled}@corp.contoso.test`,
      kind: 'user',
      disabled: true,
      description: 'Left the company',
      inFolder: FOLDER,
      memberOf: ['CORP\\Domain Users primary', `CORP\\${sam.inner} direct`],
      members: undefined,
    });
    const created = Date.parse(properties.whenCreated ?? '');
    expect(Math.abs(Date.now() - created)).toBeLessThan(15 * 60_000);
    expect(Date.parse(properties.whenChanged ?? '')).toBeGreaterThanOrEqual(created);
  });

  it('adds nested groups, and the groups above the primary group, when transitive', async () => {
    const properties = await read('disabled', { transitiveMemberOf: true });
    expect(properties.memberOf.transitive).toBe(true);
    expect(rowsOf(properties.memberOf)).toEqual(
      expect.arrayContaining(['CORP\\Domain Users primary', `CORP\\${sam.inner} direct`, `CORP\\${sam.outer} nested`, 'BUILTIN\\Users nested']),
    );
  });

  it('reads a computer two OUs deep with its full In Folder and Domain Computers as primary group', async () => {
    const properties = await read('computer');
    expect({
      accountName: properties.accountName,
      kind: properties.object.kind,
      disabled: properties.object.disabled,
      inFolder: properties.object.inFolder,
      canonicalName: properties.object.canonicalName,
      memberOf: rowsOf(properties.memberOf),
    }).toEqual({
      accountName: `CORP\\${sam.computer}`,
      kind: 'computer',
      disabled: false,
      inFolder: `${FOLDER}/Servers (Lab)/Exchange`,
      canonicalName: `${FOLDER}/Servers (Lab)/Exchange/${cn.computer}`,
      memberOf: ['CORP\\Domain Computers primary', `CORP\\${sam.inner} direct`],
    });
  });

  it('lists a group’s direct members, then every member at any depth', async () => {
    const direct = await read('outer');
    const transitive = await read('outer', { transitiveMembers: true });
    expect({ type: direct.object.group, description: direct.description, direct: rowsOf(direct.members), transitive: rowsOf(transitive.members) }).toEqual({
      type: { scope: 'global', security: true },
      description: 'Exchange servers and their admins',
      direct: [`CORP\\${sam.contractor} direct`, `CORP\\${sam.inner} direct`],
      transitive: [`CORP\\${sam.contractor} direct`, `CORP\\${sam.disabled} nested`, `CORP\\${sam.inner} direct`, `CORP\\${sam.computer} nested`],
    });
  });

  it('keeps at most the limit of rows and the exact count', async () => {
    const properties = await read('outer', { transitiveMembers: true, limit: 2 });
    expect({ total: properties.members?.total, rows: properties.members?.rows.length }).toEqual({ total: 4, rows: 2 });
  });

  it('reads a name with parentheses and a group’s members marked disabled', async () => {
    const properties = await read('inner');
    expect({ name: properties.object.name, members: properties.members?.rows.map((row) => [row.name, row.kind, row.disabled]) }).toEqual({
      name: cn.inner,
      members: [
        [cn.disabled, 'user', true],
        [cn.computer, 'computer', false],
      ],
    });
  });

  it('names a builtin group BUILTIN\\name and lists Domain Users as a member of BUILTIN\\Users', async () => {
    const properties = await directory.accountProperties('S-1-5-32-545');
    expect({ accountName: properties?.accountName, scope: properties?.object.group?.scope }).toEqual({ accountName: 'BUILTIN\\Users', scope: 'builtin-local' });
    expect(rowsOf(properties?.members)).toContain('CORP\\Domain Users direct');
  });

  it('reads an account in three round trips at most (object, Member Of, Members)', async () => {
    const before = directory.roundTrips();
    await read('outer');
    expect(directory.roundTrips() - before).toBeLessThanOrEqual(3);
  });

  it('answers undefined for a SID no object has', async () => {
    expect(await directory.accountProperties(`${sidOf('outer')}9`)).toBeUndefined();
  });

  it.each([
    ['a filter in the SID', 'S-1-5-21-1)(objectClass=*'],
    ['a DN', dnOf.outer],
    ['a wildcard', '*'],
    ['an empty text', ''],
    ['a SID with 16 sub-authorities', `S-1-5${'-1'.repeat(16)}`],
    ['a sub-authority above 2^32', 'S-1-5-21-4294967296'],
  ])('refuses %s with zero round trips', async (_label, sid) => {
    const before = directory.roundTrips();
    await expect(directory.accountProperties(sid)).rejects.toEqual(new DirectoryError('INVALID_INPUT', 'The account is not given by a SID (S-1-5-21-…).'));
    expect(directory.roundTrips()).toBe(before);
  });
});
