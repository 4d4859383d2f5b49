import { describe, expect, it } from 'vitest';
import type { RoleBasedAdministrator } from '../../../contract/connector-api/index.ts';
import { judgeRemoval } from './administration-change.ts';

const assignment = (sid: string, role: RoleBasedAdministrator['role']): RoleBasedAdministrator => ({
  sid,
  name: sid,
  kind: 'user',
  role,
  addedBy: 'setup',
  addedAt: '2026-01-01T00:00:00.000Z',
});
const alice = assignment('S-1-5-21-1-2-3-1104', 'GlobalAdministrator');
const bob = assignment('S-1-5-21-1-2-3-1105', 'GlobalAdministrator');
const bobConnector = assignment('S-1-5-21-1-2-3-1105', 'ConnectorAdministrator');

describe('judgeRemoval', () => {
  it.each([
    ['the only GlobalAdministrator', [alice, bobConnector], alice.sid, 'GlobalAdministrator', { status: 'last-global-administrator' }],
    ['one of two GlobalAdministrators', [alice, bob], alice.sid, 'GlobalAdministrator', { status: 'remove', assignment: alice }],
    [
      'a ConnectorAdministrator beside one GlobalAdministrator',
      [alice, bobConnector],
      bob.sid,
      'ConnectorAdministrator',
      { status: 'remove', assignment: bobConnector },
    ],
    ['a role the SID does not hold', [alice, bobConnector], bob.sid, 'GlobalAdministrator', { status: 'missing' }],
    ['anything from an empty list', [], alice.sid, 'GlobalAdministrator', { status: 'missing' }],
  ] as const)('decides removing %s', (_label, administrators, sid, role, expected) => {
    expect(judgeRemoval(administrators, sid, role)).toEqual(expected);
  });
});
