import { contosoDomain as domain } from './contoso-domain.ts';

/**
 * Password of every named seeded user, including the bind-test accounts.
 *
 * Tests bind as these accounts, so the value is part of the scenario's public contract.
 */
export const seedPassword = 'Seed-Passw0rd!';

/**
 * AD groupType values used by the scenario.
 *
 * Named so the data reads as "universal distribution" rather than as magic numbers.
 */
export const groupTypes = {
  globalSecurity: -2147483646,
  domainLocalSecurity: -2147483644,
  universalSecurity: -2147483640,
  universalDistribution: 8,
} as const;

const contoso = `OU=Contoso,${domain.baseDn}`;
const servers = `OU=Servers,${contoso}`;

/**
 * Every container the scenario creates or uses, parents before children.
 *
 * `managedServiceAccounts`, `users` and `foreignSecurityPrincipals` come from provisioning.
 */
export const containers = {
  exchangeSecurityGroups: `OU=Microsoft Exchange Security Groups,${domain.baseDn}`,
  contoso,
  servers,
  exchange: `OU=Exchange,${servers}`,
  sharePoint: `OU=SharePoint,${servers}`,
  fileServers: `OU=File Servers,${servers}`,
  connector: `OU=Connector,${servers}`,
  serviceAccounts: `OU=Service Accounts,${contoso}`,
  groups: `OU=Groups,${contoso}`,
  people: `OU=People,${contoso}`,
  specialCharacters: `OU=Special Characters,${contoso}`,
  bulkUsers: `OU=Bulk Users,${contoso}`,
  managedServiceAccounts: `CN=Managed Service Accounts,${domain.baseDn}`,
  users: `CN=Users,${domain.baseDn}`,
  foreignSecurityPrincipals: `CN=ForeignSecurityPrincipals,${domain.baseDn}`,
} as const;

/** Organizational units to create, in creation order (parents first). */
export const organizationalUnits: readonly string[] = [
  containers.exchangeSecurityGroups,
  containers.contoso,
  containers.servers,
  containers.exchange,
  containers.sharePoint,
  containers.fileServers,
  containers.connector,
  containers.serviceAccounts,
  containers.groups,
  containers.people,
  containers.specialCharacters,
  containers.bulkUsers,
];

/**
 * A seeded user; `cn` doubles as displayName. All named users get `seedPassword`.
 *
 * `enabled` defaults to true; `givenName`/`surname` are set only where a real name makes sense.
 */
export type UserSeed = {
  cn: string;
  account: string;
  parent: string;
  enabled?: boolean;
  givenName?: string;
  surname?: string;
  description?: string;
};

/**
 * A seeded computer account: `name` is the cn, `NAME$` the sAMAccountName.
 *
 * `extraServices` adds SPN service classes (beyond HOST) bound to the DNS host name.
 */
export type ComputerSeed = {
  name: string;
  parent: string;
  enabled: boolean;
  description?: string;
  extraServices?: readonly string[];
};

/**
 * A seeded group; members are sAMAccountNames of seeded objects or literal DNs.
 *
 * Literal DNs (prefixed `dn:`) reach objects created by provisioning, e.g. Domain Users.
 */
export type GroupSeed = {
  cn: string;
  account?: string;
  parent: string;
  groupType: number;
  description?: string;
  members: readonly string[];
};

/**
 * Names that stress RFC 4514 escaping and LDAP filter escaping, in `specialNN` order.
 *
 * Exported so tests can iterate them and expect exact round trips.
 */
export const specialCharacterNames: readonly string[] = [
  'Smith, John (Ops)',
  'Star*Power',
  'Back\\Slash',
  '#Hash Lead',
  'Plus+Semi;colon',
  'Quote"Less<More>',
  'Equals=Sign',
  ' Leading Space',
  'Zoë Ångström-Łukasiewicz',
  'Müller (Köln) *#',
  'All ( ) * \\ , # + ; " < > = Mix',
];

/**
 * The named users of the scenario (bulk users are generated separately).
 *
 * See README.md for which product rule each account exercises.
 */
export const users: readonly UserSeed[] = [
  { cn: 'Alice Anders', account: 'alice', parent: containers.people, givenName: 'Alice', surname: 'Anders' },
  { cn: 'Bob Berg', account: 'bob', parent: containers.people, givenName: 'Bob', surname: 'Berg' },
  { cn: 'Deep User', account: 'deep.user', parent: containers.people, givenName: 'Deep', surname: 'User' },
  { cn: 'File Admin', account: 'fileadmin', parent: containers.people, description: 'File server administrator' },
  { cn: 'Disabled User', account: 'disabled.user', parent: containers.people, enabled: false },
  { cn: 'Bind OK', account: 'bind.ok', parent: containers.people },
  { cn: 'Bind WrongPw', account: 'bind.wrongpw', parent: containers.people },
  { cn: 'Bind Disabled', account: 'bind.disabled', parent: containers.people, enabled: false },
  { cn: 'Bind Locked', account: 'bind.locked', parent: containers.people },
  { cn: 'John Smith', account: 'jsmith', parent: containers.people, givenName: 'John', surname: 'Smith' },
  { cn: 'John Smith', account: 'jsmith2', parent: containers.serviceAccounts, givenName: 'John', surname: 'Smith' },
  { cn: 'svc-sp-central', account: 'svc-sp-central', parent: containers.serviceAccounts, description: 'SharePoint Central Administration' },
  { cn: 'svc-sp-apppool', account: 'svc-sp-apppool', parent: containers.serviceAccounts, description: 'SharePoint App Pool' },
  {
    cn: 'svc-exchange-helper',
    account: 'svc-exchange-helper',
    parent: containers.serviceAccounts,
    description: 'User account wrongly placed in Exchange Servers',
  },
  ...specialCharacterUsers(),
];

function specialCharacterUsers(): UserSeed[] {
  return specialCharacterNames.map((cn, index) => ({
    cn,
    account: `special${String(index + 1).padStart(2, '0')}`,
    parent: containers.specialCharacters,
  }));
}

/** The computer accounts of the scenario; all enabled except FSOLD. */
export const computers: readonly ComputerSeed[] = [
  ...['EXCH01', 'EXCH02', 'EXCH03'].map((name) => ({
    name,
    parent: containers.exchange,
    enabled: true,
    description: 'Exchange server',
    extraServices: ['exchangeMDB'],
  })),
  { name: 'SP2010', parent: containers.sharePoint, enabled: true, description: 'SharePoint 2010 server' },
  { name: 'SP2019', parent: containers.sharePoint, enabled: true, description: 'SharePoint Server 2019' },
  { name: 'FS01', parent: containers.fileServers, enabled: true, description: 'FCI file server' },
  { name: 'FS02', parent: containers.fileServers, enabled: true, description: 'FCI file server' },
  { name: 'FS03', parent: containers.fileServers, enabled: true, description: 'File server outside the FCI group' },
  { name: 'FSOLD', parent: containers.fileServers, enabled: false, description: 'Decommissioned file server' },
  { name: 'RMSCON01', parent: containers.connector, enabled: true, description: 'RMS connector node' },
  { name: 'RMSCON02', parent: containers.connector, enabled: true, description: 'RMS connector node' },
];

const security = groupTypes.globalSecurity;

/**
 * The groups of the scenario with their explicit members.
 *
 * Membership is applied after all objects exist, so order here does not matter (cycles allowed).
 */
export const groups: readonly GroupSeed[] = [
  {
    cn: 'Exchange Servers',
    parent: containers.exchangeSecurityGroups,
    groupType: groupTypes.universalSecurity,
    members: ['EXCH01$', 'EXCH02$', 'Exchange Install Domain Servers', 'svc-exchange-helper'],
  },
  { cn: 'Exchange Install Domain Servers', parent: containers.exchangeSecurityGroups, groupType: security, members: ['EXCH03$'] },
  { cn: 'FCI File Servers', parent: containers.fileServers, groupType: security, members: ['FS01$', 'FS02$', 'FSOLD$', 'fileadmin'] },
  { cn: 'SharePoint Connector Accounts', parent: containers.serviceAccounts, groupType: security, members: ['svc-sp-central', 'svc-sp-apppool'] },
  { cn: 'All Contoso Staff', parent: containers.groups, groupType: groupTypes.universalDistribution, members: ['alice', 'bob'] },
  { cn: 'Connector Readers', parent: containers.groups, groupType: groupTypes.domainLocalSecurity, members: [] },
  { cn: 'IT Ops', parent: containers.groups, groupType: security, members: [] },
  { cn: 'Nest Level 1', parent: containers.groups, groupType: security, members: ['Nest Level 2'] },
  { cn: 'Nest Level 2', parent: containers.groups, groupType: security, members: ['Nest Level 3'] },
  { cn: 'Nest Level 3', parent: containers.groups, groupType: security, members: ['Nest Level 4'] },
  { cn: 'Nest Level 4', parent: containers.groups, groupType: security, members: ['deep.user'] },
  { cn: 'Broad Access', parent: containers.groups, groupType: security, members: [`dn:CN=S-1-5-11,${containers.foreignSecurityPrincipals}`] },
  { cn: 'Everyone Helpers', parent: containers.groups, groupType: security, members: [`dn:CN=Domain Users,${containers.users}`] },
  { cn: 'Cycle A', parent: containers.groups, groupType: security, members: ['Cycle B'] },
  { cn: 'Cycle B', parent: containers.groups, groupType: security, members: ['Cycle A'] },
  { cn: 'Ops (Tier 1), Inc.', account: 'ops-tier1', parent: containers.specialCharacters, groupType: security, members: ['special01'] },
];

/** Number of generated `Bulk User NNNN` accounts; above AD's 1,000-entry page limit. */
export const bulkUserCount = 2600;

/**
 * Managed service account attempted over LDAP after start (Samba may refuse it).
 *
 * Added over LDAP rather than via ldb to prove Samba accepts it through the protocol path;
 * a refusal is reported by seeding instead of failing it.
 */
export const managedServiceAccount = { cn: 'msa-sp01', account: 'msa-sp01$' } as const;
