import { describe, expect, it } from 'vitest';
import { formatDateTime, formatRelativeTime } from '../format/date-time.ts';
import { makeSession } from '../testing/console-fixtures.ts';
import { sessionStatusItems } from './session-status-items.tsx';

const READ_AT = '2026-12-06T10:40:00.000Z';
const NOW = Date.parse('2026-12-06T10:42:00.000Z');

describe('sessionStatusItems', () => {
  it('names the service, node, domain controller, account with its roles, list version and last read', () => {
    const session = makeSession({ admin: { name: 'CORP\\alice', sid: 'S-1-5-21-1-2-3-1105', roles: ['GlobalAdministrator', 'ConnectorAdministrator'] } });
    expect(sessionStatusItems({ session, node: 'RMSCON02', listVersion: 12, listReadAt: READ_AT }, NOW)).toEqual([
      { label: 'Service', value: 'https://connector.corp.contoso.test' },
      { label: 'Node', value: 'RMSCON02' },
      { label: 'Domain controller', value: 'dc1.corp.contoso.test' },
      { label: 'Account', value: 'CORP\\alice (Global Administrator, Connector Administrator)' },
      { label: 'List version', value: '12' },
      { label: 'Last read', value: formatRelativeTime(READ_AT, NOW), title: formatDateTime(READ_AT), dateTime: READ_AT },
    ]);
  });

  it('shows the account as the directory names it (DOMAIN\\sam) over the name the service gave', () => {
    const session = makeSession({
      admin: { name: 'alice@corp.contoso.test', account: 'CORP\\alice', sid: 'S-1-5-21-1-2-3-1105', roles: ['GlobalAdministrator'] },
    });
    expect(sessionStatusItems({ session, node: undefined, listVersion: undefined, listReadAt: undefined }, NOW)[3]).toEqual({
      label: 'Account',
      value: 'CORP\\alice (Global Administrator)',
    });
  });

  it('says a list read after the clock last ticked was read now, never in the future', () => {
    const items = sessionStatusItems({ session: makeSession(), node: undefined, listVersion: 3, listReadAt: READ_AT }, Date.parse(READ_AT) - 2_000);
    expect(items[5]?.value).toBe(formatRelativeTime(READ_AT, Date.parse(READ_AT)));
  });

  it('says what is not known yet before the feed answers and the list is read', () => {
    const items = sessionStatusItems({ session: makeSession(), node: undefined, listVersion: undefined, listReadAt: undefined }, NOW);
    expect(items.filter((item) => ['Node', 'List version', 'Last read'].includes(item.label))).toEqual([
      { label: 'Node', value: 'not known yet' },
      { label: 'List version', value: 'not read yet' },
      { label: 'Last read', value: 'not yet' },
    ]);
  });

  it('shows a role the console does not know by the service name, and no brackets without roles', () => {
    const withRole = (roles: string[]) =>
      sessionStatusItems(
        {
          session: makeSession({ admin: { name: 'CORP\\bob', sid: 'S-1-5-21-1-2-3-1106', roles } }),
          node: undefined,
          listVersion: undefined,
          listReadAt: undefined,
        },
        NOW,
      )[3];
    expect([withRole(['AuditReader'])?.value, withRole([])?.value]).toEqual(['CORP\\bob (AuditReader)', 'CORP\\bob']);
  });
});
