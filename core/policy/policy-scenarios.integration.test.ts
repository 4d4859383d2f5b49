import type { Client } from 'ldapts';
import { Attribute, Change } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryObject } from '../../contract/directory.ts';
import type { AuthorizedEntry, Finding } from '../../contract/policy.ts';
import { connectDirectory, type Directory } from '../directory/index.ts';
import { adAdminClient, adConnectOptions, adTestConnection, CONTOSO_OU, SEED_PASSWORD } from '../directory/testing/ad-test-connection.ts';
import { evaluateAuthorization } from './evaluate-authorization.ts';
import { gatherAuthorizationFacts, gatherEntryFacts } from './gather-facts.ts';
import { reviewList } from './review-list.ts';
import { effectiveSuperUsers } from './super-users.ts';

const PID = process.pid;
const OU = `OU=Policy ${PID},${CONTOSO_OU}`;
const UNIVERSAL_SECURITY = '-2147483640';
const names = {
  primaryGroup: `Policy Exchange Primary ${PID}`,
  computer: `PGC${PID}`,
  broadOuter: `Policy Exchange Broad ${PID}`,
  broadMiddle: `Policy Broad Middle ${PID}`,
  recreated: `pol-rec-${PID}`,
};
const dnOf = (cn: string) => `CN=${cn},${OU}`;
const samOf = (cn: string) => cn.replaceAll(' ', '-').toLowerCase().slice(0, 20);
const codesOf = (findings: readonly Finding[]) => findings.map((finding) => finding.code).sort();

async function addUser(admin: Client): Promise<void> {
  await admin.add(dnOf(names.recreated), [
    new Attribute({ type: 'objectClass', values: ['top', 'person', 'organizationalPerson', 'user'] }),
    new Attribute({ type: 'sAMAccountName', values: [names.recreated] }),
    new Attribute({ type: 'userAccountControl', values: ['512'] }),
    // An enabled account needs a password; without one the "disabled" rule would fire too.
    new Attribute({ type: 'unicodePwd', values: [Buffer.from(`"${SEED_PASSWORD}"`, 'utf16le')] }),
  ]);
}

/**
 * Scenarios the seed does not hold, built in an OU of this test's own (removed afterwards) so
 * the seeded data and other suites are untouched: a primary-group-only member of an Exchange
 * group, a broad group nested two levels inside an Exchange group, and a user deleted and
 * re-created under the same name.
 */
describe('policy scenarios built by the test', () => {
  let admin: Client;
  let directory: Directory;
  const resolveOne = async (name: string): Promise<DirectoryObject> => {
    const [resolution] = await directory.resolveNames([name]);
    if (resolution?.status !== 'resolved') throw new Error(`${name} did not resolve: ${JSON.stringify(resolution)}`);
    return resolution.object;
  };

  beforeAll(async () => {
    admin = await adAdminClient();
    directory = await connectDirectory(adConnectOptions());
    await admin.add(OU, { objectClass: ['top', 'organizationalUnit'] });
    for (const cn of [names.primaryGroup, names.broadOuter, names.broadMiddle]) {
      await admin.add(dnOf(cn), {
        objectClass: ['top', 'group'],
        sAMAccountName: samOf(cn),
        groupType: UNIVERSAL_SECURITY,
      });
    }
    await admin.add(dnOf(names.computer), {
      objectClass: ['top', 'person', 'organizationalPerson', 'user', 'computer'],
      sAMAccountName: `${names.computer}$`,
      userAccountControl: '4096',
    });
    // AD accepts a primary group only among the groups the account is already a member of.
    await admin.modify(dnOf(names.primaryGroup), [
      new Change({ operation: 'add', modification: new Attribute({ type: 'member', values: [dnOf(names.computer)] }) }),
    ]);
    const rid = (await resolveOne(dnOf(names.primaryGroup))).sid.split('-').at(-1) ?? '';
    await admin.modify(dnOf(names.computer), [new Change({ operation: 'replace', modification: new Attribute({ type: 'primaryGroupID', values: [rid] }) })]);
    await admin.modify(dnOf(names.broadOuter), [
      new Change({ operation: 'add', modification: new Attribute({ type: 'member', values: [dnOf(names.broadMiddle)] }) }),
    ]);
    await admin.modify(dnOf(names.broadMiddle), [
      new Change({ operation: 'add', modification: new Attribute({ type: 'member', values: [`CN=Domain Users,CN=Users,${adTestConnection().baseDn}`] }) }),
    ]);
    await addUser(admin);
  });

  afterAll(async () => {
    await directory.close();
    // The computer goes first: a group that is someone's primary group cannot be deleted.
    for (const cn of [names.computer, names.recreated, names.broadOuter, names.broadMiddle, names.primaryGroup])
      await admin.del(dnOf(cn)).catch(() => undefined);
    await admin.del(OU).catch(() => undefined);
    await admin.unbind();
  });

  it('makes a primary-group-only member a super user with its path when its primary group is an Exchange group', async () => {
    const group = await resolveOne(dnOf(names.primaryGroup));
    const entry: AuthorizedEntry = { sid: group.sid, name: `CORP\\${group.samAccountName ?? ''}`, role: 'exchange' };
    const { superUsers, orphanedEntries } = await effectiveSuperUsers(directory, [entry]);
    const facts = await gatherAuthorizationFacts(directory, { role: 'exchange', object: group, list: [], connectorNodeNames: [] });
    const findings = evaluateAuthorization(facts);
    expect({
      superUsers: superUsers.map(({ account, grants }) => ({ account: account.samAccountName, grants })),
      orphanedEntries,
      codes: codesOf(findings),
      grantedAccounts: findings.find((finding) => finding.code === 'SUPER_USER_GRANT')?.accounts.map((account) => account.name),
    }).toEqual({
      superUsers: [{ account: `${names.computer}$`, grants: [{ entry, path: [`CORP\\${samOf(names.primaryGroup)}`], throughPrimaryGroup: true }] }],
      orphanedEntries: [],
      codes: ['GROUP_SHARES_CERTIFICATES', 'SUPER_USER_GRANT'],
      grantedAccounts: [`CORP\\${names.computer}$`],
    });
  });

  it('reports the broad principal when Domain Users is nested two levels inside an Exchange group', async () => {
    const outer = await resolveOne(dnOf(names.broadOuter));
    const findings = evaluateAuthorization(await gatherAuthorizationFacts(directory, { role: 'exchange', object: outer, list: [], connectorNodeNames: [] }));
    expect({
      codes: codesOf(findings),
      broad: findings.find((finding) => finding.code === 'BROAD_PRINCIPAL')?.accounts.map((account) => account.name),
    }).toEqual({
      codes: ['BROAD_PRINCIPAL', 'GROUP_SHARES_CERTIFICATES', 'SUPER_USER_GRANT', 'SUPER_USER_NON_SERVER_MEMBER'],
      broad: ['CORP\\Domain Users'],
    });
  });

  it('reports the old entry as orphaned and does not authorize the new account when a user is deleted and re-created', async () => {
    const old = await resolveOne(dnOf(names.recreated));
    await admin.del(dnOf(names.recreated));
    await addUser(admin);
    const recreated = await resolveOne(`CORP\\${names.recreated}`);
    const list: AuthorizedEntry[] = [{ sid: old.sid, name: `CORP\\${names.recreated}`, role: 'sharepoint' }];
    const listFacts = await gatherEntryFacts(directory, list);
    const review = reviewList(listFacts.entries, listFacts.members, listFacts.connectorNodes, 'CORP');
    const check = evaluateAuthorization(await gatherAuthorizationFacts(directory, { role: 'sharepoint', object: recreated, list, connectorNodeNames: [] }));
    expect({ newSid: recreated.sid !== old.sid, review: review.map((finding) => [finding.code, finding.accounts]), check: codesOf(check) }).toEqual({
      newSid: true,
      review: [['ORPHANED_ENTRY', [{ sid: old.sid, name: `CORP\\${names.recreated}` }]]],
      check: ['SHAREPOINT_BOTH_ACCOUNTS'],
    });
  });
});
