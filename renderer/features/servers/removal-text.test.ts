import { describe, expect, it } from 'vitest';
import { makeEntry } from '../../testing/console-fixtures.ts';
import { entrySentence, removalConsequence, whoLosesAccess } from './removal-text.ts';

const group = makeEntry(1, { name: 'CORP\\Exchange Servers', role: 'exchange', kind: 'group' });
const computer = makeEntry(2, { name: 'CORP\\FS01$', role: 'fci', kind: 'computer' });

describe('removal texts', () => {
  it('names what the entry is, never just "server"', () => {
    expect(entrySentence(group, 'group')).toBe('CORP\\Exchange Servers is a group, allowed to use the connector as Exchange Server.');
    expect(entrySentence(computer, 'computer')).toBe('CORP\\FS01$ is a computer account, allowed to use the connector as File server using FCI.');
    expect(entrySentence(makeEntry(3, { name: 'CORP\\svc-sp', role: 'sharepoint' }), 'user')).toContain('is a user account');
  });

  it("says an Exchange group's members stop being super users", () => {
    expect(removalConsequence('exchange', 'group')).toMatch(/^Its members stop being super users through this entry/);
    expect(removalConsequence('fci', 'computer')).toBe('That server can no longer use the connector to protect or open content.');
  });

  it('counts and names who loses access in a group, the rest as "and N more"', () => {
    const impact = {
      object: { sid: group.sid, label: 'CORP\\Exchange Servers', kind: 'group' as const },
      members: { total: 12, first: ['CORP\\a', 'CORP\\b'] },
    };
    expect(whoLosesAccess(group, impact)).toBe(
      '12 accounts in it (nested groups and primary groups included) lose the access it gives them: CORP\\a, CORP\\b and 10 more. An account that another entry also allows keeps that access.',
    );
  });

  it('says an account itself loses access, an empty group nobody, and an orphaned SID nobody', () => {
    expect(whoLosesAccess(computer, { object: { sid: computer.sid, label: 'CORP\\FS01$', kind: 'computer' }, members: null })).toBe(
      'CORP\\FS01$ itself loses access.',
    );
    expect(whoLosesAccess(group, { object: { sid: group.sid, label: 'CORP\\Empty', kind: 'group' }, members: { total: 0, first: [] } })).toBe(
      'CORP\\Empty has no members today, so nobody loses access now.',
    );
    expect(whoLosesAccess(group, { object: null, members: null })).toMatch(/no longer exists in the directory, so nobody loses access/);
  });
});
