import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CONTEXT, startTestService, upnOf, type TestService } from '../../connector/server/testing/service-fixture.ts';
import { seedSids } from '../../connector/server/testing/seed-sids.ts';
import { SEED_PASSWORD } from '../../core/directory/testing/ad-test-connection.ts';
import type { HealthReport } from '../../core/health/index.ts';
import { runCliProcessAsync, type CliRun } from './testing/run-cli-process.ts';

describe('rms-connector-admin health against a live connector service', () => {
  let service: TestService;
  let directory: string;
  let sessionFile: string;
  const run = (args: readonly string[], input = ''): Promise<CliRun> =>
    runCliProcessAsync(args, { env: { RMSADMIN_SESSION_FILE: sessionFile, RMSADMIN_SERVICE_URL: service.url }, input });
  const statuses = (result: CliRun): Record<string, string> =>
    Object.fromEntries((JSON.parse(result.stdout) as HealthReport).results.map((check) => [check.code, check.status]));

  beforeAll(async () => {
    service = await startTestService();
    await service.grant(upnOf('alice'), 'ConnectorAdministrator');
    // A second node that stopped heartbeating an hour ago, and its computer account on the list.
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    await service.store.heartbeat({ id: 'rmscon01', name: 'RMSCON01', version: '1.0.0', url: 'http://127.0.0.1:9', tls: false, startedAt: hourAgo }, hourAgo);
    const list = await service.store.listAuthorizedAccounts();
    await service.store.applyListChange({
      context: FIXTURE_CONTEXT,
      expectedVersion: list.version,
      add: [{ sid: 'S-1-5-21-1004336348-1177238915-682003330-5001', name: 'CORP\\RMSCON01$', role: 'fci', kind: 'computer' }],
      remove: [],
    });
    directory = mkdtempSync(join(tmpdir(), 'rmsadmin-health-cli-'));
    sessionFile = join(directory, 'session.json');
  });
  afterAll(async () => {
    await service.dispose();
    rmSync(directory, { recursive: true, force: true });
  });

  it('runs the checks that need no service without sign-in, saying "sign in first" for the others', async () => {
    const result = await run(['health', '--connector-url', service.url, '--json']);
    const report = JSON.parse(result.stdout) as HealthReport;
    expect(result.status).toBe(0);
    expect(statuses(result)).toMatchObject({
      NODES_AT_LEAST_TWO: 'not-run',
      VERIFICATION_PAGE_URL: 'pass',
      HTTP_PLAINTEXT: 'warn',
      TLS_CERT_NAME: 'not-run',
      LIST_NOT_EMPTY: 'not-run',
    });
    expect(report.results.find((check) => check.code === 'LIST_NOT_EMPTY')?.notRunReason).toMatch(/^Sign in first: /);
  });

  it('says "sign in first" once for people, with the warnings above the passes', async () => {
    const result = await run(['health', '--connector-url', service.url]);
    expect(result.status).toBe(0);
    expect(result.stdout.match(/Sign in first/g)).toHaveLength(1);
    expect(result.stdout).toMatch(/^\[SKIP\] \d+ checks need sign-in \(.*LIST_NOT_EMPTY.*\): Sign in first: /m);
    expect(result.stdout.indexOf('[WARN] HTTP_PLAINTEXT')).toBeLessThan(result.stdout.indexOf('[PASS]'));
  });

  it('finds the node that stopped heartbeating and the node account on the list, and exits 1', async () => {
    const signIn = await run(['sign-in', '--username', upnOf('alice'), '--password-stdin'], `${SEED_PASSWORD}\n`);
    expect(signIn.status, signIn.stderr).toBe(0);
    const result = await run(['health', '--connector-url', service.url, '--json']);
    expect(result.status).toBe(1);
    expect(statuses(result)).toMatchObject({
      NODES_AT_LEAST_TWO: 'warn',
      NODE_HEARTBEAT_RECENT: 'fail',
      VERIFICATION_PAGE_NODE: 'pass',
      VERIFICATION_PAGE_URL: 'pass',
      LIST_NOT_EMPTY: 'pass',
      NODE_NOT_AUTHORIZED: 'fail',
    });
    const human = await run(['health', '--connector-url', service.url]);
    expect(human.stdout).toMatch(
      /\[FAIL\] NODE_HEARTBEAT_RECENT: .*\n\s+Measured: "RMSCON-TEST" last heartbeat \d+(\.\d)? (ms|s) ago; "RMSCON01" last heartbeat 1 h ago \(stopped\)/,
    );
    expect(human.stdout).toContain('"CORP\\\\RMSCON01$" (fci) is node "RMSCON01"');
    expect(human.stdout).toMatch(/Result: FAIL - \d+ passed, \d+ warning\(s\), 2 failed, \d+ not run\.\n$/);
  });

  it('fails SUPER_USERS_REVIEWED when an Exchange entry makes a user account a super user, and passes once they are reviewed', async () => {
    const { 'Exchange Servers': exchangeSid = '' } = await seedSids(['Exchange Servers']);
    const list = await service.store.listAuthorizedAccounts();
    await service.store.applyListChange({
      context: FIXTURE_CONTEXT,
      expectedVersion: list.version,
      add: [{ sid: exchangeSid, name: 'CORP\\Exchange Servers', role: 'exchange', kind: 'group' }],
      remove: [],
    });
    const expansion = await service.drift.expandNow();
    expect(expansion.kind).toBe('expanded');
    const report = JSON.parse((await run(['health', '--connector-url', service.url, '--json'])).stdout) as HealthReport;
    const check = report.results.find((result) => result.code === 'SUPER_USERS_REVIEWED');
    expect({ status: check?.status, measured: check?.measured }).toEqual({
      status: 'fail',
      measured: expect.stringContaining('"CORP\\\\svc-exchange-helper"'),
    });
    expect((await run(['super-users', 'review'])).status).toBe(0);
    expect(statuses(await run(['health', '--connector-url', service.url, '--json']))).toMatchObject({ SUPER_USERS_REVIEWED: 'pass' });
  });

  it.each([
    [['health'], 'needs --connector-url'],
    [['health', '--connector-url', 'https://a.test/\nX-Injected: 1'], 'spaces or control characters'],
    [['health', '--connector-url', 'https://admin:secret@a.test'], 'user name or password'],
    [['health', '--connector-url', 'javascript:alert(1)'], 'must start with https:// or http://'],
    [['health', '--connector-url', 'https://a.test/_wmcs/licensing'], 'path, query or fragment'],
    [['health', 'extra', '--connector-url', 'https://a.test'], 'takes no operands'],
    [['health', '--connector-url', 'https://a.test', '--ca-file', '/nonexistent/ca.pem'], 'does not exist or this account cannot read it'],
    [['health', '--connector-url', 'https://a.test', '--bogus'], 'Unknown option'],
  ])('refuses %j with a usage error (exit 2) before connecting', async (args, message) => {
    const result = await run(args);
    expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 2, stdout: '' });
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('secret');
  });
});
