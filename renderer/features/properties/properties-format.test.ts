import { describe, expect, it } from 'vitest';
import type { AccountList } from '../../../contract/index.ts';
import { bracedGuid, listCountText, membershipPathLabel, objectTypeLabel } from './properties-format.ts';

const rows = (count: number): AccountList['rows'] =>
  Array.from({ length: count }, (_, index) => ({
    sid: `S-1-5-21-1-2-3-${1000 + index}`,
    accountName: `CORP\\user${index}`,
    name: `user${index}`,
    kind: 'user' as const,
    disabled: false,
    inFolder: 'corp.contoso.test/Users',
    path: 'direct' as const,
  }));

describe('properties-format', () => {
  it.each([
    ['a global security group', { kind: 'group', group: { scope: 'global', security: true } }, 'Security Group - Global'],
    ['a universal distribution group', { kind: 'group', group: { scope: 'universal', security: false } }, 'Distribution Group - Universal'],
    ['a domain local group', { kind: 'group', group: { scope: 'domain-local', security: true } }, 'Security Group - Domain local'],
    ['a builtin group', { kind: 'group', group: { scope: 'builtin-local', security: true } }, 'Security Group - Builtin local'],
    ['a user', { kind: 'user' }, 'User'],
    ['a member computer', { kind: 'computer', computerRole: 'member' }, 'Computer'],
    ['a domain controller', { kind: 'computer', computerRole: 'domain-controller' }, 'Computer (domain controller)'],
    ['a gMSA', { kind: 'service-account', computerRole: 'member' }, 'Managed service account'],
  ] as const)('names the type of %s as ADUC does', (_label, object, expected) => {
    expect(objectTypeLabel(object)).toEqual(expected);
  });

  it('writes a GUID in braces', () => {
    expect(bracedGuid('0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0')).toEqual('{0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0}');
  });

  it('names each membership path', () => {
    expect((['direct', 'primary', 'nested'] as const).map(membershipPathLabel)).toEqual(['Direct', 'Primary group', 'Nested']);
  });

  it.each([
    [{ transitive: false, total: 0, rows: [] }, '0 groups'],
    [{ transitive: false, total: 1, rows: rows(1) }, '1 group'],
    [{ transitive: true, total: 3, rows: rows(3) }, '3 groups'],
    [{ transitive: true, total: 12345, rows: rows(2) }, `Showing the first 2 of ${(12345).toLocaleString()} groups, by name`],
  ] satisfies [AccountList, string][])('counts a list of %#', (list, expected) => {
    expect(listCountText(list, { one: 'group', many: 'groups' })).toEqual(expected);
  });
});
