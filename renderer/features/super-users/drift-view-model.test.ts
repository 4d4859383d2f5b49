import { describe, expect, it } from 'vitest';
import type { SnapshotSuperUser, SuperUsers } from '../../../contract/super-user-drift.ts';
import { formatDateTime } from '../../format/date-time.ts';
import { driftRows, expandedText, grantChain, joinedSinceReview, lastReviewText, reviewConfirmation } from './drift-view-model.ts';

const mallory: SnapshotSuperUser = {
  sid: 'S-1-5-21-1-2-3-2001',
  name: 'CORP\\mallory',
  kind: 'user',
  grants: [
    { entrySid: 'S-1-5-21-1-2-3-1200', entryName: 'CORP\\Exchange Outer', path: ['CORP\\Exchange Outer', 'CORP\\Exchange Inner'], throughPrimaryGroup: false },
  ],
  firstSeenAt: '2026-12-05T09:00:00.000Z',
};
const exch02: SnapshotSuperUser = {
  sid: 'S-1-5-21-1-2-3-2002',
  name: 'CORP\\EXCH02$',
  kind: 'computer',
  grants: [{ entrySid: 'S-1-5-21-1-2-3-1200', entryName: 'CORP\\Exchange Outer', path: ['CORP\\Exchange Outer'], throughPrimaryGroup: true }],
  firstSeenAt: '2026-12-05T08:00:00.000Z',
};
const bob: SnapshotSuperUser = { ...mallory, sid: 'S-1-5-21-1-2-3-2003', name: 'CORP\\bob' };

const snapshot: SuperUsers = {
  version: 6,
  expandedAt: '2026-12-05T09:30:00.000Z',
  expandedBy: 'RMSCON02',
  listVersion: 7,
  superUsers: [mallory, exch02],
  lastReview: { at: '2026-12-04T09:00:00.000Z', by: 'CORP\\alice', bySid: null, version: 3 },
  changesSinceReview: [
    { change: 'joined', account: exch02, at: '2026-12-05T08:00:00.000Z', node: 'RMSCON01', sequence: 10 },
    { change: 'joined', account: bob, at: '2026-12-05T08:10:00.000Z', node: 'RMSCON01', sequence: 11 },
    { change: 'joined', account: mallory, at: '2026-12-05T09:00:00.000Z', node: 'RMSCON02', sequence: 12 },
    { change: 'left', account: bob, at: '2026-12-05T09:20:00.000Z', node: 'RMSCON02', sequence: 13 },
  ],
};

describe('drift-view-model', () => {
  it('lists the changes newest first with who, kind, when, node and the path from the entry to the account', () => {
    expect(driftRows(snapshot).map((row) => [row.change, row.accountName, row.kind, row.notAServer, row.when, row.node, row.paths])).toEqual([
      ['left', 'CORP\\bob', 'User', true, formatDateTime('2026-12-05T09:20:00.000Z'), 'RMSCON02', ['CORP\\Exchange Outer › CORP\\Exchange Inner › CORP\\bob']],
      [
        'joined',
        'CORP\\mallory',
        'User',
        true,
        formatDateTime('2026-12-05T09:00:00.000Z'),
        'RMSCON02',
        ['CORP\\Exchange Outer › CORP\\Exchange Inner › CORP\\mallory'],
      ],
      [
        'joined',
        'CORP\\bob',
        'User',
        true,
        formatDateTime('2026-12-05T08:10:00.000Z'),
        'RMSCON01',
        ['CORP\\Exchange Outer › CORP\\Exchange Inner › CORP\\bob'],
      ],
      [
        'joined',
        'CORP\\EXCH02$',
        'Computer',
        false,
        formatDateTime('2026-12-05T08:00:00.000Z'),
        'RMSCON01',
        ['CORP\\Exchange Outer › CORP\\EXCH02$ (primary group)'],
      ],
    ]);
  });

  it.each([
    ['the entry is the account itself', { entrySid: 'S-1', entryName: 'CORP\\EXCH01$', path: [], throughPrimaryGroup: false }, 'CORP\\EXCH01$'],
    [
      'the path names the groups by their CN',
      { entrySid: 'S-1', entryName: 'CORP\\drx-1', path: ['Drift Exchange 1', 'Drift Nested 1'], throughPrimaryGroup: false },
      'CORP\\drx-1 › Drift Nested 1 › CORP\\EXCH01$',
    ],
    [
      'the account is in the entry group itself',
      { entrySid: 'S-1', entryName: 'CORP\\drx-1', path: ['Drift Exchange 1'], throughPrimaryGroup: true },
      'CORP\\drx-1 › CORP\\EXCH01$ (primary group)',
    ],
  ])('draws the chain when %s', (_label, grant, expected) => {
    expect(grantChain({ name: 'CORP\\EXCH01$' }, grant)).toBe(expected);
  });

  it('highlights only accounts that joined since the review and still are super users', () => {
    expect([...joinedSinceReview(snapshot)].sort()).toEqual([mallory.sid, exch02.sid].sort());
  });

  it('says who reviewed last and when, or that nobody has', () => {
    expect([lastReviewText(snapshot), lastReviewText({ ...snapshot, lastReview: null })]).toEqual([
      `Last reviewed ${formatDateTime('2026-12-04T09:00:00.000Z')} by CORP\\alice`,
      'Never reviewed',
    ]);
  });

  it('says when and where the snapshot was expanded, or that it was not yet', () => {
    expect(expandedText(snapshot)).toBe(`Expanded ${formatDateTime('2026-12-05T09:30:00.000Z')} by RMSCON02`);
    expect(expandedText({ ...snapshot, expandedAt: null, expandedBy: null })).toMatch(/^Not expanded by the service yet/);
  });

  it('counts the changes the review acknowledges', () => {
    expect(reviewConfirmation(snapshot)).toBe(
      'You acknowledge 4 changes since the last review and the 2 current super users as reviewed (version 6). The review is recorded in the audit log under your name.',
    );
    expect(reviewConfirmation({ ...snapshot, changesSinceReview: [], superUsers: [exch02] })).toMatch(
      /^You acknowledge no changes since the last review and the 1 current super user as/,
    );
  });
});
