import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, upnOf, type TestService } from '../../connector/server/testing/service-fixture.ts';
import { SEED_PASSWORD } from '../../core/directory/testing/ad-test-connection.ts';
import { runCliProcessAsync, type CliRun } from './testing/run-cli-process.ts';

describe('rms-connector-admin against a live connector service', () => {
  let service: TestService;
  let directory: string;
  let sessionFile: string;
  const run = (args: readonly string[], input = ''): Promise<CliRun> =>
    runCliProcessAsync(args, { env: { RMSADMIN_SESSION_FILE: sessionFile, RMSADMIN_SERVICE_URL: service.url }, input });
  const json = (result: CliRun): unknown => JSON.parse(result.stdout);

  beforeAll(async () => {
    service = await startTestService();
    await service.grant(upnOf('alice'), 'ConnectorAdministrator');
    directory = mkdtempSync(join(tmpdir(), 'rmsadmin-cli-session-'));
    sessionFile = join(directory, 'session.json');
  });
  afterAll(async () => {
    await service.dispose();
    rmSync(directory, { recursive: true, force: true });
  });

  it('asks to sign in first, saying how', async () => {
    const result = await run(['servers', 'list']);
    expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 2, stdout: '' });
    expect(result.stderr).toContain('NOT_SIGNED_IN');
    expect(result.stderr).toContain('rms-connector-admin sign-in');
  });

  it('refuses a wrong password with the service code and saves nothing', async () => {
    const result = await run(['sign-in', '--username', upnOf('alice'), '--password-stdin'], 'wrong-password\n');
    expect({ status: result.status, code: result.stderr.split(':')[1]?.trim() }).toEqual({ status: 2, code: 'BAD_CREDENTIALS' });
    expect(() => statSync(sessionFile)).toThrow();
  });

  it('signs in and keeps the token in a file only the user can read', async () => {
    const result = await run(['sign-in', '--username', upnOf('alice'), '--password-stdin'], `${SEED_PASSWORD}\n`);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('ConnectorAdministrator');
    expect(statSync(sessionFile).mode & 0o777).toBe(0o600);
  });

  it('blocks a user account for Exchange (error) and an Exchange group until its warnings are acknowledged', async () => {
    const refused = await run(['servers', 'add', '--role', 'exchange', 'alice', '--json']);
    expect(refused.status).toBe(1);
    expect((json(refused) as { findings: { code: string }[] }).findings.map((finding) => finding.code)).toContain('EXCHANGE_REQUIRES_SECURITY_GROUP');
    const unacknowledged = await run(['servers', 'add', '--role', 'exchange', 'CORP\\Exchange Servers']);
    expect(unacknowledged.status).toBe(1);
    expect(unacknowledged.stdout).toContain('--acknowledge SUPER_USER_GRANT');
    expect(json(await run(['servers', 'list', '--json']))).toMatchObject({ entries: [] });
  });

  it('adds an Exchange group once every warning is acknowledged, and shows it in the list', async () => {
    const warnings = (
      json(await run(['check', '--role', 'exchange', 'CORP\\Exchange Servers', '--json'])) as { findings: { code: string; severity: string }[] }
    ).findings
      .filter((finding) => finding.severity === 'warning')
      .map((finding) => finding.code);
    const added = await run(['servers', 'add', '--role', 'exchange', 'CORP\\Exchange Servers', ...warnings.flatMap((code) => ['--acknowledge', code])]);
    expect(added.status, added.stdout + added.stderr).toBe(0);
    expect(added.stdout).toContain('super-user feature is on');
    const listed = await run(['servers', 'list']);
    expect(listed.stdout).toMatch(/CORP\\Exchange Servers\s+Exchange Server\s+group/);
  });

  it('reviews and lists super users from the live list', async () => {
    const superUsers = json(await run(['super-users', '--json'])) as { superUsers: { account: { samAccountName: string } }[] };
    expect(superUsers.superUsers.map((user) => user.account.samAccountName)).toEqual(expect.arrayContaining(['EXCH01$', 'svc-exchange-helper']));
    const review = await run(['review', '--json']);
    expect((json(review) as { entries: unknown[] }).entries).toHaveLength(1);
  });

  it('says who became a super user since the last review, marks them reviewed, and refuses a stale review', async () => {
    // The node expands the Exchange entries after the list change that added one.
    let since = await run(['super-users', '--since-review', '--json']);
    for (let attempt = 0; attempt < 100 && (json(since) as { expandedAt: string | null }).expandedAt === null; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      since = await run(['super-users', '--since-review', '--json']);
    }
    const snapshot = json(since) as { version: number; changesSinceReview: { change: string; account: { name: string } }[] };
    expect(since.status).toBe(1);
    expect(snapshot.changesSinceReview.map((change) => `${change.change} ${change.account.name}`)).toEqual(expect.arrayContaining(['joined CORP\\EXCH01$']));
    const text = await run(['super-users', '--since-review']);
    expect(text.stdout).toMatch(/\+ joined CORP\\svc-exchange-helper \(user\).*not a server/);
    const stale = await run(['super-users', 'review', '--version', String(snapshot.version + 1)]);
    expect([stale.status, stale.stderr]).toEqual([2, expect.stringContaining('PRECONDITION_FAILED')]);
    const reviewed = await run(['super-users', 'review', '--version', String(snapshot.version)]);
    expect([reviewed.status, reviewed.stdout]).toEqual([0, expect.stringContaining('reviewed (version')]);
    const after = await run(['super-users', '--since-review']);
    expect([after.status, after.stdout]).toEqual([0, expect.stringContaining('No change since the last review.')]);
  });

  it('imports a file as a dry run, then applies it all at once with --yes; export round-trips', async () => {
    const exported = json(await run(['servers', 'export'])) as { sid: string; name: string; role: string }[];
    const file = join(directory, 'wanted.json');
    const fci = await run(['directory', 'resolve', 'CORP\\FCI File Servers', '--json']);
    const fciSid = (json(fci) as { object: { sid: string } }[])[0]?.object.sid ?? '';
    writeFileSync(file, JSON.stringify([{ sid: fciSid, name: 'CORP\\FCI File Servers', role: 'fci' }]));
    const dryRun = await run(['servers', 'import', file]);
    expect(dryRun.stdout).toContain('+ CORP\\FCI File Servers as File server using FCI');
    expect(dryRun.stdout).toContain('- CORP\\Exchange Servers as Exchange Server');
    expect(json(await run(['servers', 'export']))).toEqual(exported);
    const applied = await run(['servers', 'import', file, '--yes']);
    expect(applied.status, applied.stderr).toBe(0);
    expect(json(await run(['servers', 'export']))).toEqual([{ sid: fciSid, name: 'CORP\\FCI File Servers', role: 'fci' }]);
  });

  it('removes an entry by name and says what it loses', async () => {
    const removed = await run(['servers', 'remove', 'CORP\\FCI File Servers']);
    expect(removed.status, removed.stderr).toBe(0);
    expect(removed.stdout).toContain('can no longer use the connector');
    expect((await run(['servers', 'remove', 'CORP\\FCI File Servers'])).status).toBe(1);
  });

  it('refuses a session file others can read, and signs out', async () => {
    chmodSync(sessionFile, 0o644);
    expect((await run(['servers', 'list'])).stderr).toContain('SESSION_UNSAFE');
    chmodSync(sessionFile, 0o600);
    expect((await run(['sign-out'])).status).toBe(0);
    expect(() => statSync(sessionFile)).toThrow();
    expect((await run(['servers', 'list'])).stderr).toContain('NOT_SIGNED_IN');
  });
});
