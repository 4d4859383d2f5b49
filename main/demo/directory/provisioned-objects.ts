import { sidToBuffer } from '../../../core/directory/sid.ts';
import { contosoDomain } from '../contoso/contoso-domain.ts';
import { addComputer, addContainer, addForeignPrincipal, addGroup, addUser, baseAttributes, GROUP_TYPE, UAC, type SeedContext } from './object-builders.ts';

/** The DNs of the objects provisioning creates that the scenario refers to. */
export type ProvisionedNames = {
  readonly users: string;
  readonly domainUsers: string;
  readonly domainComputers: string;
  readonly foreignSecurityPrincipals: string;
  readonly managedServiceAccounts: string;
};

const DOMAIN_GROUPS: readonly [string, number, number][] = [
  ['Domain Admins', 512, GROUP_TYPE.globalSecurity],
  ['Domain Users', 513, GROUP_TYPE.globalSecurity],
  ['Domain Guests', 514, GROUP_TYPE.globalSecurity],
  ['Domain Computers', 515, GROUP_TYPE.globalSecurity],
  ['Domain Controllers', 516, GROUP_TYPE.globalSecurity],
  ['Cert Publishers', 517, GROUP_TYPE.domainLocalSecurity],
  ['Schema Admins', 518, GROUP_TYPE.universalSecurity],
  ['Enterprise Admins', 519, GROUP_TYPE.universalSecurity],
  ['Group Policy Creator Owners', 520, GROUP_TYPE.globalSecurity],
  ['Read-only Domain Controllers', 521, GROUP_TYPE.globalSecurity],
  ['Protected Users', 525, GROUP_TYPE.globalSecurity],
  ['RAS and IAS Servers', 553, GROUP_TYPE.domainLocalSecurity],
  ['Allowed RODC Password Replication Group', 571, GROUP_TYPE.domainLocalSecurity],
  ['Denied RODC Password Replication Group', 572, GROUP_TYPE.domainLocalSecurity],
  ['Enterprise Read-only Domain Controllers', 498, GROUP_TYPE.universalSecurity],
  ['DnsAdmins', 1101, GROUP_TYPE.domainLocalSecurity],
  ['DnsUpdateProxy', 1102, GROUP_TYPE.globalSecurity],
];

const BUILTIN_GROUPS: readonly [string, number][] = [
  ['Administrators', 544],
  ['Users', 545],
  ['Guests', 546],
  ['Account Operators', 548],
  ['Server Operators', 549],
  ['Print Operators', 550],
  ['Backup Operators', 551],
  ['Replicator', 552],
  ['Pre-Windows 2000 Compatible Access', 554],
  ['Remote Desktop Users', 555],
  ['Network Configuration Operators', 556],
  ['Incoming Forest Trust Builders', 557],
  ['Performance Monitor Users', 558],
  ['Performance Log Users', 559],
  ['Windows Authorization Access Group', 560],
  ['Terminal Server License Servers', 561],
  ['Distributed COM Users', 562],
  ['IIS_IUSRS', 568],
  ['Cryptographic Operators', 569],
  ['Event Log Readers', 573],
  ['Certificate Service DCOM Access', 574],
];

/** Well-known SIDs provisioning adds as foreign security principals. */
const FOREIGN_PRINCIPALS = ['S-1-5-4', 'S-1-5-9', 'S-1-5-11', 'S-1-5-17'];

/**
 * Create what `samba-tool domain provision` (and dcpromo) creates and the console can see:
 * the domain head, well-known containers, the configuration partition's crossRef, the
 * built-in accounts and groups with their memberships, and the domain controller itself.
 */
export function provisionDomain(context: SeedContext, administratorPassword: string): ProvisionedNames {
  const base = context.baseDn;
  const { store } = context;
  store.add(base, {
    ...baseAttributes(context, base, ['top', 'domain', 'domainDNS'], 'Domain-DNS'),
    dc: 'corp',
    objectSid: sidToBuffer(context.identity.domainSid),
    lockoutThreshold: 10,
    'msDS-Behavior-Version': 7,
  });
  const users = `CN=Users,${base}`;
  const builtin = `CN=Builtin,${base}`;
  const foreignSecurityPrincipals = `CN=ForeignSecurityPrincipals,${base}`;
  const managedServiceAccounts = `CN=Managed Service Accounts,${base}`;
  for (const name of ['Users', 'Computers', 'ForeignSecurityPrincipals', 'Managed Service Accounts', 'System', 'Program Data', 'NTDS Quotas', 'Infrastructure'])
    addContainer(context, `CN=${name},${base}`, 'container');
  addContainer(context, `CN=LostAndFound,${base}`, 'lostAndFound');
  addContainer(context, `OU=Domain Controllers,${base}`, 'organizationalUnit');
  addContainer(context, builtin, 'builtinDomain', { objectSid: sidToBuffer('S-1-5-32') });
  const configuration = `CN=Configuration,${base}`;
  addContainer(context, configuration, 'container');
  addContainer(context, `CN=Partitions,${configuration}`, 'container');
  const crossRef = `CN=${contosoDomain.netbiosDomain},CN=Partitions,${configuration}`;
  store.add(crossRef, {
    ...baseAttributes(context, crossRef, ['top', 'crossRef'], 'Cross-Ref'),
    cn: contosoDomain.netbiosDomain,
    nCName: base,
    nETBIOSName: contosoDomain.netbiosDomain,
    dnsRoot: context.dnsName,
    systemFlags: 3,
  });

  for (const sid of FOREIGN_PRINCIPALS) addForeignPrincipal(context, sid, foreignSecurityPrincipals);
  const dn = (name: string) => `CN=${name},${users}`;
  const administrator = dn('Administrator');
  addUser(context, administrator, {
    samAccountName: 'Administrator',
    userAccountControl: UAC.normal | UAC.dontExpirePassword,
    rid: 500,
    attributes: { description: 'Built-in account for administering the computer/domain' },
  });
  context.passwords.set(administrator, administratorPassword);
  addUser(context, dn('Guest'), {
    samAccountName: 'Guest',
    userAccountControl: UAC.normal | UAC.disabled | UAC.dontExpirePassword,
    rid: 501,
    primaryGroupId: 514,
  });
  addUser(context, dn('krbtgt'), {
    samAccountName: 'krbtgt',
    userAccountControl: UAC.normal | UAC.disabled,
    rid: 502,
    attributes: { description: 'Key Distribution Center Service Account' },
  });
  const controller = `CN=${contosoDomain.hostName},OU=Domain Controllers,${base}`;
  addComputer(context, controller, {
    samAccountName: `${contosoDomain.hostName}$`,
    userAccountControl: UAC.server | UAC.trustedForDelegation,
    rid: 1000,
    primaryGroupId: 516,
    attributes: {
      dNSHostName: contosoDomain.serverName,
      operatingSystem: 'Windows Server 2022 Datacenter',
      servicePrincipalName: [
        `ldap/${contosoDomain.serverName}`,
        `HOST/${contosoDomain.serverName}`,
        `HOST/${contosoDomain.hostName}`,
        `GC/${contosoDomain.serverName}/${context.dnsName}`,
      ],
    },
  });

  const memberships: Readonly<Record<string, readonly string[]>> = {
    'Domain Admins': [administrator],
    'Schema Admins': [administrator],
    'Enterprise Admins': [administrator],
    'Group Policy Creator Owners': [administrator],
    'Denied RODC Password Replication Group': [
      dn('krbtgt'),
      dn('Domain Controllers'),
      dn('Domain Admins'),
      dn('Enterprise Admins'),
      dn('Schema Admins'),
      dn('Cert Publishers'),
      dn('Read-only Domain Controllers'),
      dn('Group Policy Creator Owners'),
    ],
  };
  for (const [name, rid, groupType] of DOMAIN_GROUPS) addGroup(context, dn(name), { samAccountName: name, groupType, rid });
  for (const [group, members] of Object.entries(memberships)) store.addValues(dn(group), 'member', members);
  const foreign = (sid: string) => `CN=${sid},${foreignSecurityPrincipals}`;
  const builtinMembers: Readonly<Record<string, readonly string[]>> = {
    Administrators: [administrator, dn('Domain Admins'), dn('Enterprise Admins')],
    Users: [dn('Domain Users'), foreign('S-1-5-4'), foreign('S-1-5-11')],
    Guests: [dn('Guest'), dn('Domain Guests')],
    'Pre-Windows 2000 Compatible Access': [foreign('S-1-5-11')],
    'Windows Authorization Access Group': [foreign('S-1-5-9')],
    IIS_IUSRS: [foreign('S-1-5-17')],
  };
  for (const [name, rid] of BUILTIN_GROUPS) {
    addGroup(context, `CN=${name},${builtin}`, {
      samAccountName: name,
      groupType: GROUP_TYPE.builtinLocalSecurity,
      sid: `S-1-5-32-${rid}`,
      members: builtinMembers[name] ?? [],
    });
  }
  return { users, domainUsers: dn('Domain Users'), domainComputers: dn('Domain Computers'), foreignSecurityPrincipals, managedServiceAccounts };
}
