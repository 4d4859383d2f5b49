import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HealthReport } from '../../contract/health.ts';
import { HEALTH_CHECK_CODES } from '../../core/health/index.ts';
import { createCertificateAuthority } from '../../core/tls/issue-certificates.ts';
import { CA_FILE_REFUSED_MESSAGE } from '../../core/tls/read-ca-file.ts';
import { startHttpConnector, type LoopbackServer } from '../../core/health/testing/loopback-servers.ts';
import { createTestConsole, type TestConsole, type TestConsoleOptions } from './testing/test-console.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** A plain-HTTP connector on loopback that counts the requests it got. */
async function connectorServer(handler?: http.RequestListener): Promise<LoopbackServer & { requests: string[] }> {
  const requests: string[] = [];
  const server = await startHttpConnector({
    tenantUrl: 'https://5c6bb73b-1038-4eec-863d-49bded473437.rms.na.aadrm.com',
    ...(handler === undefined
      ? {}
      : {
          handler: (request, response) => {
            requests.push(request.url ?? '');
            handler(request, response);
          },
        }),
  });
  cleanups.push(() => server.close());
  return { ...server, requests };
}

async function signedIn(options: TestConsoleOptions = {}): Promise<TestConsole> {
  const harness = createTestConsole(options);
  await harness.signIn();
  return harness;
}

describe('health handlers', () => {
  it('runs every check against the connector URL with the session, and returns the report as text too', async () => {
    const server = await connectorServer();
    const harness = await signedIn();

    const result = await harness.dispatcher.dispatch('health:run', {
      connectorUrl: `http://127.0.0.1:${String(server.port)}`,
      operationId: crypto.randomUUID(),
    });

    expect(result.ok).toBe(true);
    const report = (result as { value: HealthReport }).value;
    const statusOf = (code: string) => report.results.find((entry) => entry.code === code)?.status;
    expect({
      codes: report.results.map((entry) => entry.code),
      nodes: statusOf('NODES_AT_LEAST_TWO'),
      page: statusOf('VERIFICATION_PAGE_URL'),
      http: statusOf('HTTP_PLAINTEXT'),
      list: statusOf('LIST_NOT_EMPTY'),
      overall: report.overall,
    }).toEqual({ codes: [...HEALTH_CHECK_CODES], nodes: 'fail', page: 'pass', http: 'warn', list: 'fail', overall: 'fail' });
    expect(report.text).toContain(`Deployment health of http://127.0.0.1:${String(server.port)}`);
    expect(report.text).toContain('[FAIL] NODES_AT_LEAST_TWO');
    expect(report.loadBalancerChecklist.length).toBeGreaterThan(3);
    expect(harness.connector.calls).toEqual(expect.arrayContaining(['listConnectors', 'listAuthorizedAccounts']));
  });

  it.each([
    ['a user name in the URL', 'https://admin:secret@rmsconnector.contoso.test'],
    ['a file: URL', 'file:///etc/passwd'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a path', 'https://rmsconnector.contoso.test/_wmcs/licensing'],
  ])('refuses %s before anything connects', async (_label, connectorUrl) => {
    const harness = await signedIn();
    const before = [...harness.connector.calls];

    const result = await harness.dispatcher.dispatch('health:run', { connectorUrl, operationId: crypto.randomUUID() });

    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_HEALTH_INPUT',
        source: 'console',
        title: 'The connector URL cannot be checked',
        message: expect.stringContaining('https://rmsconnector.contoso.com'),
      },
    });
    expect(harness.connector.calls).toEqual(before);
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it('refuses a CA file that is missing, a device or holds no certificate with one message that names neither path nor reason', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-health-ca-'));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    const notPem = path.join(folder, 'notes.txt');
    await writeFile(notPem, 'password=hunter2\n');
    const server = await connectorServer(() => undefined);
    const picked = { path: '' };
    const harness = await signedIn({ chooseCaFile: () => Promise.resolve(picked.path) });
    const choose = async (file: string) => {
      picked.path = file;
      return harness.dispatcher.dispatch('ca-file:choose', { purpose: 'health' });
    };

    const answers = [await choose(path.join(folder, 'missing.cer')), await choose(notPem), await choose('/dev/zero'), await choose('/etc/shadow')];

    const refusal = { ok: false, error: { code: 'INVALID_CA_FILE', source: 'console', title: 'The CA file cannot be used', message: CA_FILE_REFUSED_MESSAGE } };
    expect(answers).toEqual([refusal, refusal, refusal, refusal]);
    expect(JSON.stringify(answers)).not.toMatch(/hunter2|notes\.txt|missing\.cer|shadow|zero/);
    expect(server.requests).toEqual([]);
  });

  it('refuses a request that names a CA file by path, before anything is read or checked', async () => {
    const server = await connectorServer(() => undefined);
    const harness = await signedIn();
    const result = await harness.dispatcher.dispatch('health:run', {
      connectorUrl: `http://127.0.0.1:${String(server.port)}`,
      caFile: '/dev/zero',
      operationId: crypto.randomUUID(),
    });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_REQUEST' }) });
    expect(server.requests).toEqual([]);
  });

  it('trusts the CA file chosen with the picker for the run', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-health-ca-'));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    const caFile = path.join(folder, 'contoso-root.cer');
    await writeFile(caFile, (await createCertificateAuthority({ commonName: 'Contoso Health Root CA' })).certPem);
    const server = await connectorServer();
    const harness = await signedIn({ chooseCaFile: () => Promise.resolve(caFile) });
    const choice = await harness.dispatcher.dispatch('ca-file:choose', { purpose: 'health' });
    if (!choice.ok || !(choice.value as { chosen: boolean }).chosen) throw new Error('The CA file was not chosen.');
    const { file } = choice.value as { file: { id: string } };
    const result = await harness.dispatcher.dispatch('health:run', {
      connectorUrl: `http://127.0.0.1:${String(server.port)}`,
      caFileId: file.id,
      operationId: crypto.randomUUID(),
    });
    expect([choice.value, result.ok]).toEqual([
      { chosen: true, file: { id: file.id, name: 'contoso-root.cer', subject: 'CN=Contoso Health Root CA', expiresAt: expect.any(String) } },
      true,
    ]);
  });

  it('reports progress while a run waits, and answers CANCELLED at once when cancelled', async () => {
    // A connector that never answers the verification page: the run waits on it.
    const server = await connectorServer(() => undefined);
    const harness = await signedIn();
    const operationId = crypto.randomUUID();

    const running = harness.dispatcher.dispatch('health:run', { connectorUrl: `http://127.0.0.1:${String(server.port)}`, operationId });
    await expect.poll(() => server.requests.length).toBeGreaterThan(0);
    const progress = await harness.dispatcher.dispatch('health:progress', { operationId });
    await harness.dispatcher.dispatch('operation:cancel', { operationId });

    expect(progress).toEqual({
      ok: true,
      value: { total: HEALTH_CHECK_CODES.length, finished: expect.any(Number), running: expect.arrayContaining([expect.any(String)]) },
    });
    expect(await running).toEqual({ ok: false, error: expect.objectContaining({ code: 'CANCELLED' }) });
    // The checks stop on the abort and the run forgets its progress.
    await expect.poll(() => harness.dispatcher.dispatch('health:progress', { operationId })).toEqual({ ok: true, value: null });
  });
});
