import { describe, expect, it } from 'vitest';
import type { ChangeEvent, FeedChangeRecord } from '../../contract/connector-api/index.ts';
import { describeChange } from './change-summary.ts';

const entry = (name: string, role: string) => ({
  id: '0b8f3c1e-5d2a-4f6b-9c7d-1e2f3a4b5c6d',
  sid: 'S-1-5-21-1-2-3-1105',
  name,
  role,
  kind: 'computer',
  addedBy: 'CORP\\bob',
  addedAt: '2026-12-06T10:42:00.000Z',
});
const administrator = (name: string, role: string) => ({
  sid: 'S-1-5-21-1-2-3-1110',
  name,
  kind: 'user',
  role,
  addedBy: 'CORP\\bob',
  addedAt: '2026-12-06T10:42:00.000Z',
});

function changeOf(records: FeedChangeRecord[]): ChangeEvent {
  return {
    sequence: 12,
    listVersion: 7,
    at: '2026-12-06T10:42:00.000Z',
    actor: 'CORP\\bob',
    actorSid: 'S-1-5-21-1-2-3-1107',
    source: '10.0.0.5',
    node: 'RMSCON02',
    correlationId: 'c0ffee',
    records,
  };
}

describe('change-summary', () => {
  it.each<[string, FeedChangeRecord[], string]>([
    [
      'one added entry',
      [{ action: 'authorized-account.add', target: 'CORP\\FS02$ (fci)', before: null, after: entry('CORP\\FS02$', 'fci') }],
      'CORP\\bob added CORP\\FS02$ as File server using FCI, through RMSCON02',
    ],
    [
      'one removed entry',
      [{ action: 'authorized-account.remove', target: 'CORP\\SP01$ (sharepoint)', before: entry('CORP\\SP01$', 'sharepoint'), after: null }],
      'CORP\\bob removed CORP\\SP01$ as SharePoint Server, through RMSCON02',
    ],
    [
      'an Exchange entry that switched the super-user feature on',
      [
        { action: 'authorized-account.add', target: 'CORP\\Exchange Servers (exchange)', before: null, after: entry('CORP\\Exchange Servers', 'exchange') },
        { action: 'super-user-feature.enable', target: 'super-user feature', before: { enabled: false }, after: { enabled: true } },
      ],
      'CORP\\bob added CORP\\Exchange Servers as Exchange Server and switched the super-user feature on, through RMSCON02',
    ],
    [
      'an import with several records',
      [
        { action: 'authorized-account.add', target: 'CORP\\FS02$ (fci)', before: null, after: entry('CORP\\FS02$', 'fci') },
        { action: 'authorized-account.add', target: 'CORP\\FS03$ (fci)', before: null, after: entry('CORP\\FS03$', 'fci') },
        { action: 'authorized-account.remove', target: 'CORP\\SP01$ (sharepoint)', before: entry('CORP\\SP01$', 'sharepoint'), after: null },
      ],
      'CORP\\bob imported the list: 2 added, 1 removed, through RMSCON02',
    ],
    [
      'a role-based administrator added',
      [
        {
          action: 'role-based-administrator.add',
          target: 'CORP\\carol (GlobalAdministrator)',
          before: null,
          after: administrator('CORP\\carol', 'GlobalAdministrator'),
        },
      ],
      'CORP\\bob made CORP\\carol a GlobalAdministrator, through RMSCON02',
    ],
    [
      'a role-based administrator removed',
      [
        {
          action: 'role-based-administrator.remove',
          target: 'CORP\\carol (ConnectorAdministrator)',
          before: administrator('CORP\\carol', 'ConnectorAdministrator'),
          after: null,
        },
      ],
      'CORP\\bob removed CORP\\carol as ConnectorAdministrator, through RMSCON02',
    ],
    [
      'onboarding control set',
      [
        {
          action: 'onboarding-control.set',
          target: 'CORP\\RMS Onboarding',
          before: null,
          after: { sid: 'S-1-5-21-1-2-3-2001', name: 'CORP\\RMS Onboarding' },
        },
      ],
      'CORP\\bob set onboarding control to CORP\\RMS Onboarding: only its members may sign in, through RMSCON02',
    ],
    [
      'onboarding control cleared',
      [
        {
          action: 'onboarding-control.clear',
          target: 'CORP\\RMS Onboarding',
          before: { sid: 'S-1-5-21-1-2-3-2001', name: 'CORP\\RMS Onboarding' },
          after: null,
        },
      ],
      'CORP\\bob cleared onboarding control (it was CORP\\RMS Onboarding): every administrator may sign in, through RMSCON02',
    ],
    [
      'the super-user feature switched on alone',
      [{ action: 'super-user-feature.enable', target: 'super-user feature', before: { enabled: false }, after: { enabled: true } }],
      'CORP\\bob switched the super-user feature on, through RMSCON02',
    ],
  ])('describes %s', (_label, records, sentence) => {
    expect(describeChange(changeOf(records))).toBe(sentence);
  });

  const superUser = (name: string, path: string[], throughPrimaryGroup = false) => ({
    sid: 'S-1-5-21-1-2-3-2001',
    name,
    kind: 'user',
    grants: [{ entrySid: 'S-1-5-21-1-2-3-1139', entryName: 'CORP\\Exchange Servers', path, throughPrimaryGroup }],
    firstSeenAt: '2026-12-06T10:42:00.000Z',
  });
  const drift = (records: FeedChangeRecord[]): ChangeEvent => ({ ...changeOf(records), actor: 'svc-rmsconnector@corp.contoso.com', actorSid: null });

  it.each<[string, FeedChangeRecord[], string]>([
    [
      'an account that joined through a nested group',
      [{ action: 'super-user.joined', target: 'CORP\\mallory', before: null, after: superUser('CORP\\mallory', ['Exchange Servers', 'Helpdesk']) }],
      'RMSCON02 saw the super users change: CORP\\mallory (through Exchange Servers › Helpdesk) became a super user',
    ],
    [
      'one that joined through its primary group and one that left',
      [
        { action: 'super-user.joined', target: 'CORP\\EX03$', before: null, after: superUser('CORP\\EX03$', ['Exchange Servers'], true) },
        { action: 'super-user.left', target: 'CORP\\EX01$', before: superUser('CORP\\EX01$', ['Exchange Servers']), after: null },
      ],
      'RMSCON02 saw the super users change: CORP\\EX03$ (through Exchange Servers, its primary group) became a super user and CORP\\EX01$ (through Exchange Servers) is no longer a super user',
    ],
    [
      'a first expansion of many accounts, by count',
      Array.from({ length: 7 }, (_, index) => ({ action: 'super-user.joined' as const, target: `CORP\\EX${String(index)}$`, before: null, after: null })),
      'RMSCON02 saw the super users change: 7 joined and 0 left',
    ],
    [
      'a record whose account is not what it expects, by its target',
      [{ action: 'super-user.left', target: 'CORP\\gone', before: 'x', after: null }],
      'RMSCON02 saw the super users change: CORP\\gone is no longer a super user',
    ],
  ])('describes super-user drift: %s', (_label, records, sentence) => {
    expect(describeChange(drift(records))).toBe(sentence);
  });

  it('describes a review with the version reviewed, as the admin who made it', () => {
    const records: FeedChangeRecord[] = [
      { action: 'super-users.reviewed', target: 'effective super users', before: null, after: { version: 4, superUsers: 12 } },
    ];
    expect(describeChange(changeOf(records))).toBe('CORP\\bob marked the super users as reviewed (version 4), through RMSCON02');
  });

  it('falls back to the record target when before and after are not the expected objects', () => {
    const records: FeedChangeRecord[] = [
      { action: 'authorized-account.add', target: 'CORP\\FS02$ (fci)', before: null, after: 'unexpected' },
      { action: 'role-based-administrator.remove', target: 'CORP\\dave (GlobalAdministrator)', before: 42, after: null },
    ];
    expect(describeChange(changeOf(records))).toBe(
      'CORP\\bob added CORP\\FS02$ (fci) and removed the administrator CORP\\dave (GlobalAdministrator), through RMSCON02',
    );
  });

  it('names a role this console does not know by its id', () => {
    const records: FeedChangeRecord[] = [{ action: 'authorized-account.add', target: 'CORP\\X$ (future)', before: null, after: entry('CORP\\X$', 'future') }];
    expect(describeChange(changeOf(records))).toBe('CORP\\bob added CORP\\X$ as future, through RMSCON02');
  });
});
