import { formatDn } from '../../../core/directory/dn.ts';
import { ridOf } from '../../../core/directory/sid.ts';
import { contosoDomain } from '../contoso/contoso-domain.ts';
import { computers, containers, groups, managedServiceAccount, organizationalUnits, seedPassword, users, type GroupSeed } from '../contoso/scenario.ts';
import type { DemoIdentity } from './demo-identity.ts';
import { createDirectoryStore, sidOf, type DirectoryStore } from './directory-store.ts';
import { addComputer, addContainer, addGroup, addUser, UAC, type SeedContext } from './object-builders.ts';
import { provisionDomain } from './provisioned-objects.ts';

/** The seeded directory and the passwords its accounts bind with. */
export type SeededDirectory = { readonly store: DirectoryStore; readonly passwords: ReadonlyMap<string, string>; readonly administratorDn: string };

/** The first RID the scenario's own objects get (provisioning uses 500–1102). */
const FIRST_SCENARIO_RID = 1103;

/**
 * Build the Contoso directory: what provisioning creates, the scenario (e2e/ad/README.md),
 * then the bulk users.
 *
 * Objects are created in a fixed order so RIDs (and so SIDs) are the same on every start;
 * bulk users come last, so changing their count never changes a named object's SID. The
 * scenario's state after Samba's online seeding is reproduced: EXCH03's primary group is
 * Exchange Install Domain Servers (its explicit link there is gone, the one to Domain
 * Computers stays), and bind.locked is locked out.
 */
export function seedContosoDirectory(identity: DemoIdentity, bulkUsers: number): SeededDirectory {
  let rid = FIRST_SCENARIO_RID;
  const passwords = new Map<string, string>();
  const context: SeedContext = {
    store: createDirectoryStore(),
    identity,
    baseDn: contosoDomain.baseDn,
    dnsName: contosoDomain.dnsName,
    passwords,
    nextRid: () => rid++,
  };
  const names = provisionDomain(context, identity.administratorPassword);
  for (const dn of organizationalUnits) addContainer(context, dn, 'organizationalUnit');

  const accountDns = new Map<string, string>();
  for (const user of users) {
    const dn = childDn(user.cn, user.parent);
    const enabled = user.enabled ?? true;
    addUser(context, dn, {
      samAccountName: user.account,
      userAccountControl: enabled ? UAC.normal : UAC.normal | UAC.disabled,
      attributes: {
        userPrincipalName: `${user.account}@${contosoDomain.dnsName}`,
        displayName: user.cn,
        givenName: user.givenName,
        sn: user.surname,
        description: user.description,
        ...(user.account === 'bind.locked' ? { lockoutTime: '133000000000000000', badPwdCount: 10 } : {}),
      },
    });
    passwords.set(dn, seedPassword);
    accountDns.set(user.account.toLowerCase(), dn);
  }
  for (const computer of computers) {
    const dn = childDn(computer.name, computer.parent);
    const hostName = `${computer.name.toLowerCase()}.${contosoDomain.dnsName}`;
    addComputer(context, dn, {
      samAccountName: `${computer.name}$`,
      userAccountControl: computer.enabled ? UAC.workstation : UAC.workstation | UAC.disabled,
      attributes: {
        dNSHostName: hostName,
        description: computer.description,
        servicePrincipalName: [`HOST/${computer.name}`, ...['HOST', ...(computer.extraServices ?? [])].map((service) => `${service}/${hostName}`)],
      },
    });
    accountDns.set(`${computer.name}$`.toLowerCase(), dn);
  }
  for (const group of groups) {
    const dn = childDn(group.cn, group.parent);
    addGroup(context, dn, {
      samAccountName: group.account ?? group.cn,
      groupType: group.groupType,
      ...(group.description ? { description: group.description } : {}),
    });
    accountDns.set((group.account ?? group.cn).toLowerCase(), dn);
  }
  for (const group of groups) addMembers(context.store, group, accountDns);

  const msa = childDn(managedServiceAccount.cn, containers.managedServiceAccounts);
  addComputer(
    context,
    msa,
    {
      samAccountName: managedServiceAccount.account,
      userAccountControl: UAC.workstation,
      attributes: { dNSHostName: `${managedServiceAccount.cn}.${contosoDomain.dnsName}` },
    },
    true,
  );

  const exch03 = accountDns.get('exch03$') ?? '';
  const installServers = accountDns.get('exchange install domain servers') ?? '';
  const installServersSid = sidOfDn(context.store, installServers);
  context.store.removeValue(installServers, 'member', exch03);
  context.store.addValues(names.domainComputers, 'member', [exch03]);
  context.store.replaceValues(exch03, 'primaryGroupID', [String(ridOf(installServersSid))]);

  for (let index = 1; index <= bulkUsers; index += 1) {
    const number = String(index).padStart(4, '0');
    const cn = `Bulk User ${number}`;
    const account = `bulk.user.${number}`;
    addUser(context, childDn(cn, containers.bulkUsers), {
      samAccountName: account,
      userAccountControl: UAC.normal,
      attributes: { userPrincipalName: `${account}@${contosoDomain.dnsName}`, displayName: cn, givenName: 'Bulk', sn: cn.slice('Bulk '.length) },
    });
  }
  return { store: context.store, passwords, administratorDn: `CN=Administrator,${names.users}` };
}

function childDn(cn: string, parent: string): string {
  return `${formatDn([{ type: 'CN', value: cn }])},${parent}`;
}

function addMembers(store: DirectoryStore, group: GroupSeed, accountDns: ReadonlyMap<string, string>): void {
  if (group.members.length === 0) return;
  const members = group.members.map((member) => {
    if (member.startsWith('dn:')) return member.slice('dn:'.length);
    const dn = accountDns.get(member.toLowerCase());
    if (!dn) throw new Error(`Seed error: ${group.cn} names unknown member ${member}.`);
    return dn;
  });
  store.addValues(childDn(group.cn, group.parent), 'member', members);
}

function sidOfDn(store: DirectoryStore, dn: string): string {
  const entry = store.get(dn);
  const sid = entry ? sidOf(entry) : undefined;
  if (!sid) throw new Error(`Seed error: ${dn} has no SID.`);
  return sid;
}
