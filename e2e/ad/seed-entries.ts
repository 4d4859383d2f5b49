import { domain } from './ad-layout.ts';
import { rdn } from './dn-escape.ts';
import type { LdifRecord } from './ldif.ts';
import { bulkUserCount, computers, containers, groups, organizationalUnits, seedPassword, users } from './seed-data.ts';
import type { ComputerSeed, GroupSeed, UserSeed } from './seed-data.ts';

const normalAccount = 512;
const accountDisabled = 2;
const workstationTrustAccount = 4096;

/**
 * DN of a seeded user, computer or group, looked up by sAMAccountName.
 *
 * Membership data refers to accounts by name; this turns them into properly escaped DNs.
 */
export function seededDn(account: string): string {
  const user = users.find((candidate) => candidate.account === account);
  if (user !== undefined) return rdn('CN', user.cn, user.parent);
  const computer = computers.find((candidate) => `${candidate.name}$` === account);
  if (computer !== undefined) return rdn('CN', computer.name, computer.parent);
  const group = groups.find((candidate) => groupAccount(candidate) === account);
  if (group !== undefined) return rdn('CN', group.cn, group.parent);
  throw new Error(`Seed data refers to unknown account ${account}`);
}

/**
 * The sAMAccountName of a seeded group (its cn unless the data overrides it).
 *
 * Groups are referenced by this name in membership lists.
 */
export function groupAccount(group: GroupSeed): string {
  return group.account ?? group.cn;
}

/**
 * The bulk user number `index` (1-based) as cn and sAMAccountName.
 *
 * Shared with verification so both sides agree on the naming pattern.
 */
export function bulkUser(index: number): { cn: string; account: string } {
  const number = String(index).padStart(4, '0');
  return { cn: `Bulk User ${number}`, account: `bulk.user.${number}` };
}

/**
 * All offline seed records: containers, accounts, groups, bulk users, then memberships.
 *
 * Memberships come last so forward references and the Cycle A/B loop need no ordering.
 */
export function buildSeedRecords(): LdifRecord[] {
  const records: LdifRecord[] = organizationalUnits.map((dn) => ({
    kind: 'add',
    dn,
    attributes: { objectClass: 'organizationalUnit' },
  }));
  records.push(...users.map(userRecord));
  records.push(...computers.map(computerRecord));
  records.push(...groups.map(groupRecord));
  for (let index = 1; index <= bulkUserCount; index += 1) records.push(bulkUserRecord(index));
  for (const group of groups) {
    if (group.members.length === 0) continue;
    records.push({
      kind: 'modify',
      dn: seededDn(groupAccount(group)),
      changes: [{ operation: 'add', attribute: 'member', values: group.members.map(memberDn) }],
    });
  }
  return records;
}

function memberDn(member: string): string {
  return member.startsWith('dn:') ? member.slice('dn:'.length) : seededDn(member);
}

function userRecord(user: UserSeed): LdifRecord {
  const enabled = user.enabled ?? true;
  return {
    kind: 'add',
    dn: rdn('CN', user.cn, user.parent),
    attributes: {
      objectClass: 'user',
      sAMAccountName: user.account,
      userPrincipalName: `${user.account}@${domain.dnsName}`,
      displayName: user.cn,
      userAccountControl: String(enabled ? normalAccount : normalAccount | accountDisabled),
      // AD wants the quoted password as UTF-16LE; hashing happens inside Samba.
      unicodePwd: Buffer.from(`"${seedPassword}"`, 'utf16le'),
      ...(user.givenName === undefined ? {} : { givenName: user.givenName }),
      ...(user.surname === undefined ? {} : { sn: user.surname }),
      ...(user.description === undefined ? {} : { description: user.description }),
    },
  };
}

function computerRecord(computer: ComputerSeed): LdifRecord {
  const hostName = `${computer.name.toLowerCase()}.${domain.dnsName}`;
  const services = ['HOST', ...(computer.extraServices ?? [])];
  return {
    kind: 'add',
    dn: rdn('CN', computer.name, computer.parent),
    attributes: {
      objectClass: 'computer',
      sAMAccountName: `${computer.name}$`,
      userAccountControl: String(computer.enabled ? workstationTrustAccount : workstationTrustAccount | accountDisabled),
      dNSHostName: hostName,
      servicePrincipalName: [`HOST/${computer.name}`, ...services.map((service) => `${service}/${hostName}`)],
      ...(computer.description === undefined ? {} : { description: computer.description }),
    },
  };
}

function groupRecord(group: GroupSeed): LdifRecord {
  return {
    kind: 'add',
    dn: rdn('CN', group.cn, group.parent),
    attributes: {
      objectClass: 'group',
      sAMAccountName: groupAccount(group),
      groupType: String(group.groupType),
      ...(group.description === undefined ? {} : { description: group.description }),
    },
  };
}

function bulkUserRecord(index: number): LdifRecord {
  const { cn, account } = bulkUser(index);
  // No password: hashing one costs ~20 ms each inside Samba, which would dominate seeding.
  return {
    kind: 'add',
    dn: rdn('CN', cn, containers.bulkUsers),
    attributes: {
      objectClass: 'user',
      sAMAccountName: account,
      userPrincipalName: `${account}@${domain.dnsName}`,
      displayName: cn,
      givenName: 'Bulk',
      sn: cn.slice('Bulk '.length),
      userAccountControl: String(normalAccount),
    },
  };
}
