import { describe, expect, it } from 'vitest';
import type { SnapshotSuperUser, SuperUserDifference, SuperUsers } from '../../../contract/connector-api/index.ts';
import type { HealthContext } from '../health-context.ts';
import { superUsersReviewed } from './super-user-checks.ts';

const account = (name: string, kind: SnapshotSuperUser['kind'], sid: string): SnapshotSuperUser => ({
  sid,
  name,
  kind,
  grants: [{ entrySid: 'S-1-5-21-1-2-3-1100', entryName: 'CORP\\Exchange Servers', path: ['Exchange Servers'], throughPrimaryGroup: false }],
  firstSeenAt: '2026-12-06T04:00:00.000Z',
});
const exch01 = account('CORP\\EXCH01$', 'computer', 'S-1-5-21-1-2-3-1201');
const exch02 = account('CORP\\EXCH02$', 'computer', 'S-1-5-21-1-2-3-1202');
const mallory = account('CORP\\mallory', 'user', 'S-1-5-21-1-2-3-1301');
const difference = (change: 'joined' | 'left', who: SnapshotSuperUser, sequence: number): SuperUserDifference => ({
  change,
  account: who,
  at: '2026-12-06T04:10:00.000Z',
  node: 'RMSCON01',
  sequence,
});
const snapshot = (overrides: Partial<SuperUsers>): SuperUsers => ({
  version: 3,
  expandedAt: '2026-12-06T04:15:00.000Z',
  expandedBy: 'RMSCON01',
  listVersion: 7,
  superUsers: [exch01],
  lastReview: { at: '2026-12-05T09:00:00.000Z', by: 'alice@corp.contoso.test', bySid: 'S-1-5-21-1-2-3-1105', version: 2 },
  changesSinceReview: [],
  ...overrides,
});
const contextWith = (read: Awaited<ReturnType<HealthContext['superUsers']>>): HealthContext =>
  ({ superUsers: () => Promise.resolve(read) }) as unknown as HealthContext;
const run = (superUsers: SuperUsers) => superUsersReviewed.run(contextWith({ ok: true, value: superUsers }), new AbortController().signal);

describe('SUPER_USERS_REVIEWED', () => {
  it('passes when nothing changed since the review, saying who reviewed and when', async () => {
    expect(await run(snapshot({}))).toMatchObject({
      status: 'pass',
      measured: expect.stringContaining('since the review by "alice@corp.contoso.test" on 2026-12-05 09:00 UTC'),
    });
  });

  it('warns when a server joined and another left since the review, naming both', async () => {
    const outcome = await run(
      snapshot({
        superUsers: [exch01, exch02],
        changesSinceReview: [difference('joined', exch02, 8), difference('left', account('CORP\\EXCH09$', 'computer', 'S-1-5-21-1-2-3-1209'), 9)],
      }),
    );
    expect(outcome).toMatchObject({
      status: 'warn',
      measured: expect.stringMatching(/1 joined and 1 left .*EXCH02\$.*EXCH09\$/),
      action: expect.stringContaining('super-users review'),
    });
  });

  it('fails when an account that is not a server became a super user, even if servers changed too', async () => {
    const outcome = await run(
      snapshot({ superUsers: [exch01, exch02, mallory], changesSinceReview: [difference('joined', exch02, 8), difference('joined', mallory, 9)] }),
    );
    expect(outcome).toMatchObject({ status: 'fail', measured: expect.stringContaining('"CORP\\\\mallory"') });
    expect(outcome.measured).not.toContain('EXCH02');
  });

  it('does not fail for a user who joined and has left again since', async () => {
    const outcome = await run(snapshot({ changesSinceReview: [difference('joined', mallory, 8), difference('left', mallory, 9)] }));
    expect(outcome.status).toBe('warn');
  });

  it('warns about every super user when they were never reviewed', async () => {
    const outcome = await run(snapshot({ lastReview: null, changesSinceReview: [difference('joined', exch01, 1)] }));
    expect(outcome).toMatchObject({ status: 'warn', measured: expect.stringContaining('never reviewed') });
  });

  it('is not run before the first expansion, or without the service', async () => {
    expect(await run(snapshot({ expandedAt: null }))).toMatchObject({ status: 'not-run' });
    expect(
      await superUsersReviewed.run(contextWith({ ok: false, reason: 'Sign in to the connector service first.' }), new AbortController().signal),
    ).toMatchObject({
      status: 'not-run',
      notRunReason: 'Sign in to the connector service first.',
    });
  });
});
