import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInPipe, runInTerminal } from './testing/run-in-terminal.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'rmsadmin-terminal-cli-'));
// Nothing listens on port 9 and no one is signed in: CONNECTOR_URL_RESOLVES fails, the service checks wait for sign-in.
const HEALTH = ['health', '--connector-url', 'https://127.0.0.1:9'];
const env = { RMSADMIN_SESSION_FILE: path.join(folder, 'no-session.json') };
const ESCAPE = '\u001b[';

// Each run starts a Node process that loads the CLI's TypeScript sources.
describe('rms-connector-admin output in a terminal and in a pipe', { timeout: 60_000 }, () => {
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('colours the health labels and fits every line to the terminal width in a pseudo-terminal', () => {
    const run = runInTerminal(HEALTH, env, 60);
    const report = run.stdout.slice(run.stdout.indexOf('Deployment health'));
    expect(run.status).toBe(1);
    expect(report).toContain(`${ESCAPE}31m[FAIL]${ESCAPE}0m CONNECTOR_URL_RESOLVES`);
    expect(report).toContain(`${ESCAPE}31mResult: FAIL${ESCAPE}0m`);
    const visible = ['31m', '32m', '33m', '2m', '0m'].reduce((text, code) => text.replaceAll(`${ESCAPE}${code}`, ''), report).split('\n');
    expect(visible.filter((line) => line.length > 60)).toEqual([]);
    expect(report.match(/Sign in first/g)).toHaveLength(1);
  });

  it('writes no colour with NO_COLOR, still fitted to the terminal', () => {
    const run = runInTerminal(HEALTH, { ...env, NO_COLOR: '1' }, 60);
    const report = run.stdout.slice(run.stdout.indexOf('Deployment health'));
    expect(report).not.toContain(ESCAPE);
    expect(report.split('\n').filter((line) => line.length > 60)).toEqual([]);
  });

  it('writes neither colour nor cut lines in a pipe', () => {
    const run = runInPipe(HEALTH, env);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain(ESCAPE);
    expect(run.stdout).toMatch(/^\[FAIL\] CONNECTOR_URL_RESOLVES: .*$/m);
    expect(run.stdout).toMatch(/^\[SKIP\] \d+ checks need sign-in \(.*\): Sign in first: .{60,}$/m);
  });

  it('writes plain JSON with --json in a terminal', () => {
    const run = runInTerminal([...HEALTH, '--json'], env, 60);
    expect(run.stdout).not.toContain(ESCAPE);
    expect((JSON.parse(run.stdout) as { overall: string }).overall).toBe('fail');
  });
});
