import { parseDn } from '../../../core/directory/dn.ts';
import { sidToBuffer } from '../../../core/directory/sid.ts';
import { objectGuidFor, type DemoIdentity } from './demo-identity.ts';
import type { AttributeInput, DirectoryStore } from './directory-store.ts';

/** userAccountControl bits the demo's objects use (MS-ADTS 2.2.16). */
export const UAC = { disabled: 0x2, normal: 0x200, workstation: 0x1000, server: 0x2000, dontExpirePassword: 0x10000, trustedForDelegation: 0x80000 } as const;

/** groupType values (MS-ADTS 2.2.12), signed as AD returns them. */
export const GROUP_TYPE = {
  globalSecurity: -2147483646,
  domainLocalSecurity: -2147483644,
  builtinLocalSecurity: -2147483643,
  universalSecurity: -2147483640,
  globalDistribution: 2,
  domainLocalDistribution: 4,
  universalDistribution: 8,
} as const;

const SAM_ACCOUNT_TYPE = {
  group: 268435456,
  nonSecurityGroup: 268435457,
  alias: 536870912,
  nonSecurityAlias: 536870913,
  user: 805306368,
  machine: 805306369,
} as const;

/** Where objects go and how their identities are minted. */
export type SeedContext = {
  readonly store: DirectoryStore;
  readonly identity: DemoIdentity;
  readonly baseDn: string;
  readonly dnsName: string;
  /** Passwords by account DN, kept apart from the attributes so no search can return them. */
  readonly passwords: Map<string, string>;
  /** The next free relative identifier for a new domain principal. */
  nextRid(): number;
};

/** The DN AD puts in objectCategory for a class's default category. */
export function categoryDn(context: SeedContext, category: string): string {
  return `CN=${category},CN=Schema,CN=Configuration,${context.baseDn}`;
}

/** Common attributes of every object: class chain, category, RDN names and GUID. */
export function baseAttributes(context: SeedContext, dn: string, classes: readonly string[], category: string): Record<string, AttributeInput> {
  const rdnValue = rdnValueOf(dn);
  return {
    objectClass: classes,
    objectCategory: categoryDn(context, category),
    name: rdnValue,
    objectGUID: objectGuidFor(context.identity, dn),
    instanceType: 4,
  };
}

/** Add an organizational unit or a container. */
export function addContainer(
  context: SeedContext,
  dn: string,
  kind: 'organizationalUnit' | 'container' | 'builtinDomain' | 'lostAndFound',
  extra: Record<string, AttributeInput> = {},
): void {
  const category = { organizationalUnit: 'Organizational-Unit', container: 'Container', builtinDomain: 'Builtin-Domain', lostAndFound: 'Lost-And-Found' }[kind];
  const rdnAttribute = kind === 'organizationalUnit' ? 'ou' : 'cn';
  context.store.add(dn, { ...baseAttributes(context, dn, ['top', kind], category), [rdnAttribute]: rdnValueOf(dn), ...extra });
}

/** What a new user or computer account needs beyond its DN. */
export type AccountInput = {
  readonly samAccountName: string;
  readonly userAccountControl: number;
  readonly rid?: number;
  readonly primaryGroupId?: number;
  readonly attributes?: Record<string, AttributeInput | undefined>;
};

/** Add a user account (objectCategory Person, primary group Domain Users unless given). */
export function addUser(context: SeedContext, dn: string, input: AccountInput): string {
  return addAccount(context, dn, input, ['top', 'person', 'organizationalPerson', 'user'], 'Person', SAM_ACCOUNT_TYPE.user, 513);
}

/** Add a computer account (primary group Domain Computers unless given). */
export function addComputer(context: SeedContext, dn: string, input: AccountInput, managedServiceAccount = false): string {
  const classes = ['top', 'person', 'organizationalPerson', 'user', 'computer', ...(managedServiceAccount ? ['msDS-ManagedServiceAccount'] : [])];
  return addAccount(context, dn, input, classes, managedServiceAccount ? 'ms-DS-Managed-Service-Account' : 'Computer', SAM_ACCOUNT_TYPE.machine, 515);
}

function addAccount(
  context: SeedContext,
  dn: string,
  input: AccountInput,
  classes: readonly string[],
  category: string,
  samAccountType: number,
  primaryGroupId: number,
): string {
  const sid = `${context.identity.domainSid}-${input.rid ?? context.nextRid()}`;
  context.store.add(dn, {
    ...baseAttributes(context, dn, classes, category),
    cn: rdnValueOf(dn),
    sAMAccountName: input.samAccountName,
    sAMAccountType: samAccountType,
    userAccountControl: input.userAccountControl,
    primaryGroupID: input.primaryGroupId ?? primaryGroupId,
    objectSid: sidToBuffer(sid),
    ...input.attributes,
  });
  return sid;
}

/** Add a group; `sid` overrides the domain SID + RID (builtin groups live in S-1-5-32). */
export function addGroup(
  context: SeedContext,
  dn: string,
  input: { samAccountName: string; groupType: number; rid?: number; sid?: string; members?: readonly string[]; description?: string },
): string {
  const sid = input.sid ?? `${context.identity.domainSid}-${input.rid ?? context.nextRid()}`;
  const bits = input.groupType >>> 0;
  const security = (bits & 0x8000_0000) !== 0;
  const local = (bits & 0x4) !== 0 || (bits & 0x1) !== 0;
  const samAccountType = local
    ? security
      ? SAM_ACCOUNT_TYPE.alias
      : SAM_ACCOUNT_TYPE.nonSecurityAlias
    : security
      ? SAM_ACCOUNT_TYPE.group
      : SAM_ACCOUNT_TYPE.nonSecurityGroup;
  context.store.add(dn, {
    ...baseAttributes(context, dn, ['top', 'group'], 'Group'),
    cn: rdnValueOf(dn),
    sAMAccountName: input.samAccountName,
    sAMAccountType: samAccountType,
    groupType: input.groupType,
    objectSid: sidToBuffer(sid),
    member: input.members,
    description: input.description,
  });
  return sid;
}

/** Add a foreign security principal (a well-known SID such as Authenticated Users). */
export function addForeignPrincipal(context: SeedContext, sid: string, container: string): void {
  const dn = `CN=${sid},${container}`;
  context.store.add(dn, {
    ...baseAttributes(context, dn, ['top', 'foreignSecurityPrincipal'], 'Foreign-Security-Principal'),
    cn: sid,
    objectSid: sidToBuffer(sid),
  });
}

/** The unescaped value of a DN's first RDN. */
export function rdnValueOf(dn: string): string {
  const value = parseDn(dn)?.[0]?.value;
  if (value === undefined) throw new Error(`Seed error: "${dn}" is not a DN.`);
  return value;
}
