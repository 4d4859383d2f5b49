import { describe, expect, it } from 'vitest';
import type { DirectoryObject } from '../../contract/directory.ts';
import { pathsFrom } from './member-paths.ts';

const DOMAIN_SID = 'S-1-5-21-1-2-3';

function object(rid: number, name: string, kind: DirectoryObject['kind'], primaryGroupRid?: number): DirectoryObject {
  return {
    sid: `${DOMAIN_SID}-${String(rid)}`,
    guid: `00000000-0000-4000-8000-${String(rid).padStart(12, '0')}`,
    distinguishedName: `CN=${name},OU=Test,DC=corp,DC=contoso,DC=test`,
    name,
    samAccountName: name,
    kind,
    ...(kind === 'group' ? { group: { scope: 'universal' as const, security: true } } : {}),
    ...(primaryGroupRid === undefined ? {} : { primaryGroupSid: `${DOMAIN_SID}-${String(primaryGroupRid)}` }),
    disabled: false,
    servicePrincipalNames: [],
    canonicalName: `corp.contoso.test/Test/${name}`,
    inFolder: 'corp.contoso.test/Test',
  };
}

const root = object(1000, 'Root', 'group');
const outer = object(1001, 'Outer', 'group');
const inner = object(1002, 'Inner', 'group');
const cycleA = object(1003, 'CycleA', 'group');
const cycleB = object(1004, 'CycleB', 'group');
const deep = object(1100, 'deep', 'user');
const both = object(1101, 'both', 'user');
const primary = object(1102, 'primary', 'computer', 1002);
const direct = object(1103, 'direct', 'computer', 1000);

const under = (...parents: DirectoryObject[]) => parents.map((parent) => parent.distinguishedName.toUpperCase());

describe('pathsFrom', () => {
  const reached = pathsFrom(root, [
    { object: outer, parentDns: under(root) },
    { object: inner, parentDns: under(outer) },
    { object: deep, parentDns: under(inner) },
    { object: both, parentDns: under(inner, root) },
    { object: primary, parentDns: [] },
    { object: direct, parentDns: [] },
    { object: cycleA, parentDns: under(root, cycleB) },
    { object: cycleB, parentDns: under(cycleA) },
  ]);
  const byName = new Map(reached.map((member) => [member.object.name, [member.through.map((group) => group.name), member.throughPrimaryGroup]]));

  it('reaches every member once, nested groups included', () => {
    expect(reached.map((member) => member.object.name).sort()).toEqual(['CycleA', 'CycleB', 'Inner', 'Outer', 'both', 'deep', 'direct', 'primary']);
  });

  it('gives each member its shortest path, comparing DNs case-insensitively', () => {
    expect(byName.get('deep')).toEqual([['Outer', 'Inner'], false]);
    expect(byName.get('both')).toEqual([[], false]);
    expect(byName.get('CycleB')).toEqual([['CycleA'], false]);
  });

  it('marks a member that comes in through its primary group, nested or not', () => {
    expect(byName.get('primary')).toEqual([['Outer', 'Inner'], true]);
    expect(byName.get('direct')).toEqual([[], true]);
  });
});
