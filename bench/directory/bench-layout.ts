import { formatDn } from '../../core/directory/dn.ts';

/**
 * Where the benchmark's objects live and how they are named.
 *
 * Seeding, the reuse check and every measurement derive names from here, so they can never
 * disagree about what "the 20,000 users" or "the 5,000-member group" are.
 */
export const benchLayout = {
  baseDn: 'DC=corp,DC=contoso,DC=test',
  dnsDomain: 'corp.contoso.test',
  netbiosDomain: 'CORP',
  organizationalUnit: 'OU=Bench 20k,OU=Contoso,DC=corp,DC=contoso,DC=test',
  groupsUnit: 'OU=Bench Groups,OU=Bench 20k,OU=Contoso,DC=corp,DC=contoso,DC=test',
  userCount: 20_000,
  usersPerPart: 1_000,
  topGroup: 'Bench 5000',
  /** The enumeration filter of benchmark (a): the layer's `types: ['user']` filter, as text. */
  userFilter: '(&(objectCategory=person)(objectClass=user))',
} as const;

/**
 * One nested group of `Bench 5000`: its name, its parent group and its 1,000 direct users.
 *
 * Part 1 and Part 2 sit in the top group; Parts 3–5 hang in a chain below Part 2, so the
 * in-chain rule has to follow four levels, not just one.
 */
export type PartGroup = { readonly name: string; readonly parent: string; readonly firstUser: number };

/** The five nested groups, each holding 1,000 consecutive bench users. */
export const partGroups: readonly PartGroup[] = [
  { name: 'Bench 5000 Part 1', parent: benchLayout.topGroup, firstUser: 1 },
  { name: 'Bench 5000 Part 2', parent: benchLayout.topGroup, firstUser: 1_001 },
  { name: 'Bench 5000 Part 3', parent: 'Bench 5000 Part 2', firstUser: 2_001 },
  { name: 'Bench 5000 Part 4', parent: 'Bench 5000 Part 3', firstUser: 3_001 },
  { name: 'Bench 5000 Part 5', parent: 'Bench 5000 Part 4', firstUser: 4_001 },
];

/** A bench user's names, numbered from 1. */
export type BenchUser = { readonly cn: string; readonly account: string; readonly dn: string };

/**
 * The names of bench user `index`.
 *
 * Five digits keep `bench.user.0012` a true ANR prefix of ten accounts (00120–00129).
 */
export function benchUser(index: number): BenchUser {
  const number = String(index).padStart(5, '0');
  const cn = `Bench User ${number}`;
  return { cn, account: `bench.user.${number}`, dn: childDn(cn, benchLayout.organizationalUnit) };
}

/**
 * The DN of a group of the benchmark (the top group or a part).
 *
 * Groups live in their own child OU so the 20,000-user OU holds only the users it names.
 */
export function benchGroupDn(name: string): string {
  return childDn(name, benchLayout.groupsUnit);
}

/**
 * The members `Bench 5000` has at any depth: 5,000 users plus the five part groups.
 *
 * Benchmark (c) checks both of its searches against this number.
 */
export const expectedTransitiveMembers = partGroups.length * benchLayout.usersPerPart + partGroups.length;

/**
 * One chain of five groups for benchmark (d): `<prefix>1` ⊃ `<prefix>2` ⊃ … ⊃ `<prefix>5`, the
 * explain account directly in the last, and the first named in the list with `role`.
 */
export type ExplainChain = { readonly prefix: string; readonly role: 'fci' | 'exchange' };

/**
 * The two chains of (d): the explain account is in ten groups nested five deep, and two entries
 * admit it, each through a path of five links (account → 5 → 4 → 3 → 2 → 1).
 */
export const explainChains: readonly ExplainChain[] = [
  { prefix: 'Bench Explain A', role: 'fci' },
  { prefix: 'Bench Explain B', role: 'exchange' },
];

/** How deep each explain chain nests. */
export const explainChainDepth = 5;

/**
 * The account (d) explains: the last bench user, outside `Bench 5000`, so its token holds only
 * its primary group and the ten chain groups.
 */
export const explainUserIndex = benchLayout.userCount;

/** The group names of one explain chain, top (the listed entry) first. */
export function explainChainGroups(chain: ExplainChain): string[] {
  return Array.from({ length: explainChainDepth }, (_, offset) => `${chain.prefix}${offset + 1}`);
}

function childDn(cn: string, parentDn: string): string {
  return `${formatDn([{ type: 'CN', value: cn }])},${parentDn}`;
}
