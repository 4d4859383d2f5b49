import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Run = { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** The real command line, killed after 20 s: a CA read that hangs then shows as a kill, not a stuck suite. */
function runCli(args: readonly string[], env: Record<string, string>): Promise<Run> {
  const child = spawn(process.execPath, ['bin/rms-connector-admin.js', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end('');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise((resolve) => {
    child.once('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
  });
}

const ADVICE = 'Give a PEM (Base-64 encoded X.509) certificate file of at most 1 MiB.';

describe('rms-connector-admin with a CA file that is not a certificate file', () => {
  let folder: string;
  let env: Record<string, string>;
  const cases = (): [string, string, string][] => [
    ['/dev/zero', '/dev/zero', 'it is not a regular file'],
    ['a FIFO', join(folder, 'pipe.pem'), 'it is not a regular file'],
    ['a folder', folder, 'it is not a regular file'],
    ['a 2 MiB file', join(folder, 'big.pem'), 'it is larger than 1 MiB'],
    ['a missing file', join(folder, 'missing.pem'), 'it does not exist or this account cannot read it'],
  ];
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'rmsadmin-ca-cli-'));
    execFileSync('mkfifo', [join(folder, 'pipe.pem')]);
    writeFileSync(join(folder, 'big.pem'), Buffer.alloc(2 * 1024 * 1024, 0x41));
    env = { RMSADMIN_SESSION_FILE: join(folder, 'session.json'), RMSADMIN_LDAP_PASSWORD: 'Not-Used-1', RMSADMIN_SERVICE_PASSWORD: 'Not-Used-1' };
  });
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it.each([
    ['health --ca-file', (ca: string) => ['health', '--connector-url', 'https://127.0.0.1:9', '--ca-file', ca]],
    ['server-config --ca-file', (ca: string) => ['server-config', '--connector-url', 'https://127.0.0.1:9', '--out', join(folder, 'out'), '--ca-file', ca]],
    ['sign-in --service-ca', (ca: string) => ['sign-in', '--service-url', 'https://127.0.0.1:9', '--username', 'alice@contoso.test', '--service-ca', ca]],
    ['directory resolve --ca', (ca: string) => ['directory', 'resolve', 'alice', '--url', 'ldaps://127.0.0.1:9', '--user', 'alice@contoso.test', '--ca', ca]],
  ])('%s refuses each bad file with exit 2 and says why, without hanging or reading it whole', async (_label, argsFor) => {
    const outcomes = [];
    for (const [label, file, reason] of cases()) {
      const result = await runCli(argsFor(file), env);
      outcomes.push({
        label,
        status: result.status,
        signal: result.signal,
        stderr: result.stderr.includes(`The CA file "${file}" cannot be used: ${reason}`) && result.stderr.includes(ADVICE) ? 'says why' : result.stderr,
      });
    }
    expect(outcomes).toEqual(cases().map(([label]) => ({ label, status: 2, signal: null, stderr: 'says why' })));
  });
});
