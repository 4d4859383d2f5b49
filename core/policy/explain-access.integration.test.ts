import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Client } from 'ldapts';
import { Attribute, Change } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryObject } from '../../contract/directory.ts';
import type { Explanation } from '../../contract/explain.ts';
import type { AuthorizedEntry, Role } from '../../contract/policy.ts';
import { connectDirectory, type Directory } from '../directory/index.ts';
import { sidFromBuffer } from '../directory/sid.ts';
import { adAdminClient, adConnectOptions, adTestConnection, CONTOSO_OU, SEED_PASSWORD } from '../directory/testing/ad-test-connection.ts';
import { prepareLdapsearch, type LdapsearchCommand } from '../directory/testing/ldapsearch-command.ts';
import { explainAccess } from './explain-access.ts';

const execFileAsync = promisify(execFile);
const PID = process.pid;
const OU = `OU=Explain ${PID},${CONTOSO_OU}`;
const UNIVERSAL_SECURITY = '-2147483640';
const UNIVERSAL_DISTRIBUTION = '8';
const dnOf = (cn: string): string => `CN=${cn},${OU}`;
const name = {
  outer: `Explain FCI Servers ${PID}`,
  inner: `Explain File Servers ${PID}`,
  primary: `Explain Primary ${PID}`,
  exchange: `Explain Exchange ${PID}`,
  distribution: `Explain Staff ${PID}`,
  nested: `EXN${PID}`,
  direct: `EXD${PID}`,
  refused: `EXR${PID}`,
  primaryOnly: `EXP${PID}`,
  disabled: `EXX${PID}`,
  twoRoles: `EXT${PID}`,
  meta: `Explain (Meta) ${PID}`,
  gone: `explain-gone-${PID}`,
};

let ldapsearch: LdapsearchCommand;

/** The token the DC computes, as ldapsearch reads it: what explain's verdicts are checked against. */
async function ldapsearchTokenGroups(dn: string): Promise<string[]> {
  const [file = 'ldapsearch', ...parameters] = ldapsearch.argv(['-b', dn, '-s', 'base', '(objectClass=*)', 'tokenGroups']);
  const { stdout } = await execFileAsync(file, parameters, { env: ldapsearch.env, timeout: 30_000 });
  return [...stdout.matchAll(/^tokenGroups:: (\S+)$/gm)].map((match) => sidFromBuffer(Buffer.from(match[1] ?? '', 'base64')));
}

/**
 * Explain against the Samba DC, on accounts and groups this test creates in an OU of its own
 * (removed afterwards): every verdict is compared with the token ldapsearch reads.
 */
describe('explain an account’s access against the test DC', () => {
  let admin: Client;
  let directory: Directory;
  const objects = new Map<string, DirectoryObject>();
  const object = (key: keyof typeof name): DirectoryObject => {
    const found = objects.get(key);
    if (found === undefined) throw new Error(`${key} was not created`);
    return found;
  };
  const entry = (key: keyof typeof name, role: Role): AuthorizedEntry => ({ sid: object(key).sid, name: `CORP\\${object(key).samAccountName ?? ''}`, role });
  let list: AuthorizedEntry[];
  let goneSid: string;

  const addGroup = (cn: string, groupType = UNIVERSAL_SECURITY) =>
    admin.add(dnOf(cn), { objectClass: ['top', 'group'], sAMAccountName: `xg-${cn.split(' ')[1] ?? ''}-${PID}`.toLowerCase().slice(0, 20), groupType });
  const addComputer = (cn: string, disabled = false) =>
    admin.add(dnOf(cn), {
      objectClass: ['top', 'person', 'organizationalPerson', 'user', 'computer'],
      sAMAccountName: `${cn}$`,
      userAccountControl: disabled ? '4098' : '4096',
    });
  const addMember = (group: string, member: string) =>
    admin.modify(dnOf(group), [new Change({ operation: 'add', modification: new Attribute({ type: 'member', values: [dnOf(member)] }) })]);
  const addUser = (cn: string, sam: string) =>
    admin.add(dnOf(cn), [
      new Attribute({ type: 'objectClass', values: ['top', 'person', 'organizationalPerson', 'user'] }),
      new Attribute({ type: 'sAMAccountName', values: [sam] }),
      new Attribute({ type: 'userAccountControl', values: ['512'] }),
      new Attribute({ type: 'unicodePwd', values: [Buffer.from(`"${SEED_PASSWORD}"`, 'utf16le')] }),
    ]);
  const resolve = async (text: string): Promise<DirectoryObject> => {
    const [resolution] = await directory.resolveNames([text]);
    if (resolution?.status !== 'resolved') throw new Error(`${text} did not resolve`);
    return resolution.object;
  };
  const explain = async (key: keyof typeof name, role?: Role): Promise<Extract<Explanation, { status: 'found' }>> => {
    const explanation = await explainAccess(directory, list, `CORP\\${object(key).samAccountName ?? ''}`, { role });
    if (explanation.status !== 'found') throw new Error(`explain ${key}: ${explanation.status}`);
    return explanation;
  };
  /** Admitted per the DC's own token (ldapsearch), for the role or any role. */
  const admittedByLdapsearch = async (key: keyof typeof name, role?: Role): Promise<boolean> => {
    const token = new Set([object(key).sid, ...(await ldapsearchTokenGroups(object(key).distinguishedName))]);
    return list.some((each) => token.has(each.sid) && (role === undefined || each.role === role));
  };

  beforeAll(async () => {
    ldapsearch = await prepareLdapsearch(adTestConnection());
    admin = await adAdminClient();
    directory = await connectDirectory(adConnectOptions());
    await admin.add(OU, { objectClass: ['top', 'organizationalUnit'] });
    for (const group of [name.outer, name.inner, name.primary, name.exchange]) await addGroup(group);
    await addGroup(name.distribution, UNIVERSAL_DISTRIBUTION);
    await addMember(name.outer, name.inner);
    for (const computer of [name.nested, name.direct, name.refused, name.primaryOnly, name.twoRoles]) await addComputer(computer);
    await addComputer(name.disabled, true);
    for (const member of [name.nested, name.disabled, name.twoRoles]) await addMember(name.inner, member);
    await addMember(name.exchange, name.twoRoles);
    await addMember(name.distribution, name.refused);
    // A primary group must first be one of the account's groups; then memberOf no longer lists it.
    await addMember(name.primary, name.primaryOnly);
    const primaryRid = (await resolve(dnOf(name.primary))).sid.split('-').at(-1) ?? '';
    await admin.modify(dnOf(name.primaryOnly), [
      new Change({ operation: 'replace', modification: new Attribute({ type: 'primaryGroupID', values: [primaryRid] }) }),
    ]);
    await addUser(name.meta, `xm-${PID}`);
    await addMember(name.exchange, name.meta);
    await addUser(name.gone, name.gone.slice(0, 20));
    goneSid = (await resolve(dnOf(name.gone))).sid;
    await admin.del(dnOf(name.gone));
    for (const key of Object.keys(name) as (keyof typeof name)[]) {
      if (key !== 'gone') objects.set(key, await resolve(dnOf(name[key])));
    }
    list = [
      entry('outer', 'fci'),
      entry('direct', 'fci'),
      entry('primary', 'fci'),
      entry('exchange', 'exchange'),
      entry('distribution', 'fci'),
      { sid: goneSid, name: `CORP\\${name.gone}`, role: 'sharepoint' },
    ];
  });

  afterAll(async () => {
    await directory.close();
    for (const key of [
      'primaryOnly',
      'nested',
      'direct',
      'refused',
      'disabled',
      'twoRoles',
      'meta',
      'outer',
      'inner',
      'primary',
      'exchange',
      'distribution',
    ] as const)
      await admin.del(dnOf(name[key])).catch(() => undefined);
    await admin.del(OU).catch(() => undefined);
    await admin.unbind();
    await ldapsearch.dispose();
  });

  it('admits a file server through a nested group, with the path account → group → entry', async () => {
    const explanation = await explain('nested', 'fci');
    expect({ admitted: explanation.admitted, roles: explanation.roles, path: explanation.grants[0]?.path.map((step) => step.name) }).toEqual({
      admitted: true,
      roles: ['fci'],
      path: [`CORP\\${name.nested}$`, `CORP\\${object('inner').samAccountName ?? ''}`, `CORP\\${object('outer').samAccountName ?? ''}`],
    });
    expect(explanation.admitted).toBe(await admittedByLdapsearch('nested', 'fci'));
  });

  it('admits a file server authorized directly, as the account itself', async () => {
    const explanation = await explain('direct', 'fci');
    expect({ admitted: explanation.admitted, direct: explanation.grants.map((grant) => grant.direct) }).toEqual({ admitted: true, direct: [true] });
    expect(explanation.admitted).toBe(await admittedByLdapsearch('direct', 'fci'));
  });

  it('refuses a file server in no authorized group, says warning 2001, names the group to join and ignores its distribution group', async () => {
    const explanation = await explain('refused', 'fci');
    const codes = explanation.advice.map((advice) => advice.code);
    expect({ admitted: explanation.admitted, codes }).toEqual({
      admitted: false,
      codes: ['DISTRIBUTION_GROUP_IGNORED', 'REFUSED_2001', 'JOIN_GROUP', 'JOIN_GROUP', 'AUTHORIZE_DIRECTLY'],
    });
    expect(explanation.advice.find((advice) => advice.code === 'REFUSED_2001')?.message).toContain('warning 2001');
    const joins = explanation.advice.filter((advice) => advice.code === 'JOIN_GROUP').map((advice) => advice.command);
    expect(joins).toEqual(expect.arrayContaining([expect.stringContaining(object('outer').samAccountName ?? '?')]));
    expect(explanation.admitted).toBe(await admittedByLdapsearch('refused', 'fci'));
  });

  it('admits a member only through its primary group, and says so', async () => {
    const explanation = await explain('primaryOnly', 'fci');
    expect({ admitted: explanation.admitted, primary: explanation.grants.map((grant) => grant.throughPrimaryGroup) }).toEqual({
      admitted: true,
      primary: [true],
    });
    expect(explanation.admitted).toBe(await admittedByLdapsearch('primaryOnly', 'fci'));
  });

  it('warns that a disabled account is never seen, even though the list admits it', async () => {
    const explanation = await explain('disabled', 'fci');
    expect({ admitted: explanation.admitted, disabled: explanation.advice.some((advice) => advice.code === 'ACCOUNT_DISABLED') }).toEqual({
      admitted: true,
      disabled: true,
    });
    expect(explanation.admitted).toBe(await admittedByLdapsearch('disabled', 'fci'));
  });

  it('lists both roles of an account admitted in two, and makes it a super user through the Exchange entry', async () => {
    const explanation = await explain('twoRoles');
    expect({ roles: [...explanation.roles].sort(), superUser: explanation.superUser }).toEqual({ roles: ['exchange', 'fci'], superUser: true });
    expect(explanation.admitted).toBe(await admittedByLdapsearch('twoRoles'));
    const asSharePoint = await explain('twoRoles', 'sharepoint');
    expect({ admitted: asSharePoint.admitted, otherRole: asSharePoint.advice.some((advice) => advice.code === 'OTHER_ROLE_ONLY') }).toEqual({
      admitted: false,
      otherRole: true,
    });
  });

  it('resolves a name with filter metacharacters literally, and flags a user an Exchange group makes a super user', async () => {
    const explanation = await explainAccess(directory, list, name.meta);
    if (explanation.status !== 'found') throw new Error(`"${name.meta}" did not resolve: ${explanation.status}`);
    expect({
      account: explanation.accountName,
      superUser: explanation.superUser,
      unexpected: explanation.advice.some((advice) => advice.code === 'UNEXPECTED_ROLE'),
    }).toEqual({ account: `CORP\\xm-${PID}`, superUser: true, unexpected: true });
    expect(explanation.admitted).toBe(await admittedByLdapsearch('meta'));
  });

  it('says a deleted account’s SID exists no more and that its entry is orphaned', async () => {
    const explanation = await explainAccess(directory, list, goneSid, {});
    expect({ status: explanation.status, codes: explanation.status === 'not-found' ? explanation.advice.map((advice) => advice.code) : [] }).toEqual({
      status: 'not-found',
      codes: ['NO_SUCH_ACCOUNT', 'ORPHANED_ENTRY'],
    });
  });

  it.each([
    ['a wildcard', '*'],
    ['an injection attempt', '*)(objectClass=*'],
    ['a 10,000-character name', 'A'.repeat(10_000)],
    ['a hidden character', 'CORP\\EX\u200bN'],
  ])('refuses %s before anything reaches the directory', async (_case, text) => {
    const before = directory.roundTrips();
    await expect(explainAccess(directory, list, text)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(directory.roundTrips()).toBe(before);
  });

  it('treats filter metacharacters as text: a name with parentheses and a backslash finds nothing instead of everything', async () => {
    const explanation = await explainAccess(directory, list, 'Explain (Meta) \\29(cn=a');
    expect(explanation.status).toBe('not-found');
  });
});
