import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, upnOf, type TestService } from '../../connector/server/testing/service-fixture.ts';
import { bulkUserSids } from '../../connector/server/testing/seed-sids.ts';
import { createConnectorClient, type ConnectorClient } from '../../core/connector/index.ts';
import { waitUntil } from '../../core/connector/testing/feed-follower.ts';
import { SEED_PASSWORD } from '../../core/directory/testing/ad-test-connection.ts';
import { runCliProcessAsync, startCliProcess, type RunningCli } from './testing/run-cli-process.ts';

describe('rms-connector-admin servers watch against a live connector service', () => {
  let offsetMs = 0;
  let service: TestService;
  let directory: string;
  let other: ConnectorClient;
  let sids: string[];
  const env = () => ({ RMSADMIN_SESSION_FILE: join(directory, 'session.json'), RMSADMIN_SERVICE_URL: service.url });
  const watch = (...flags: string[]): RunningCli => startCliProcess(['servers', 'watch', ...flags], { env: env() });
  const watching = (run: RunningCli) => waitUntil(() => run.stderr().includes('(Ctrl+C to stop)'), 10_000, 'the watch to start');

  beforeAll(async () => {
    service = await startTestService({}, { now: () => new Date(Date.now() + offsetMs) });
    await service.grant(upnOf('alice'), 'ConnectorAdministrator');
    directory = mkdtempSync(join(tmpdir(), 'rmsadmin-cli-watch-'));
    const signedIn = await runCliProcessAsync(['sign-in', '--username', upnOf('alice'), '--password-stdin'], { env: env(), input: `${SEED_PASSWORD}\n` });
    if (signedIn.status !== 0) throw new Error(`sign-in failed: ${signedIn.stderr}`);
    other = createConnectorClient({ baseUrl: service.url, proxy: 'none', token: await service.signIn(upnOf('alice')) });
    sids = await bulkUserSids(1, 340);
  });
  afterAll(async () => {
    await other.close();
    await service.dispose();
    rmSync(directory, { recursive: true, force: true });
  });

  it('prints a change another client makes, as a line and as JSON, and exits 0 on Ctrl+C', async () => {
    const human = watch();
    const json = watch('--json');
    await Promise.all([watching(human), watching(json)]);
    const { etag } = await other.listAuthorizedAccounts();
    const entry = { sid: sids[0] ?? '', name: 'CORP\\bulk.user.0341', role: 'sharepoint' as const };
    const added = await other.addAuthorizedAccount(entry, { ifMatch: etag });
    await waitUntil(() => human.stdout().includes('\n') && json.stdout().includes('\n'), 10_000, 'the change on both watches');
    human.signal('SIGINT');
    json.signal('SIGINT');
    const [humanRun, jsonRun] = await Promise.all([human.exited, json.exited]);
    const lines = jsonRun.stdout.trimEnd().split('\n');
    expect({
      human: { status: humanRun.status, stdout: humanRun.stdout, stderr: humanRun.stderr.trimEnd().split('\n').at(-1) },
      json: { status: jsonRun.status, lines: lines.map((line) => JSON.parse(line) as unknown) },
    }).toEqual({
      human: {
        status: 0,
        stdout: expect.stringMatching(
          new RegExp(
            `^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d {2}alice@corp\\.contoso\\.test added CORP\\\\bulk\\.user\\.0341 as SharePoint Server, through \\S+ \\(list version ${String(added.result.version)}\\)\\n$`,
          ),
        ) as unknown,
        stderr: 'Stopped watching.',
      },
      json: {
        status: 0,
        lines: [
          expect.objectContaining({
            listVersion: added.result.version,
            records: [expect.objectContaining({ action: 'authorized-account.add', after: added.result.entry })],
          }),
        ],
      },
    });
  });

  it('exits 2 and says to sign in again when the sign-in expires while watching', async () => {
    const session = await other.session();
    // The node's clock jumps to 5 s before the saved token (signed in at about the same time) expires.
    offsetMs = Date.parse(session.expiresAt) - Date.now() - 5_000;
    try {
      const run = watch();
      const result = await run.exited;
      expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 2, stdout: '' });
      expect(result.stderr).toMatch(/TOKEN_EXPIRED: .*Run rms-connector-admin sign-in, then servers watch again\./);
    } finally {
      offsetMs = 0;
    }
  }, 20_000);
});
