import { describe, expect, it } from 'vitest';
import { runInPipe, runInTerminal } from './testing/run-in-terminal.ts';

// Each run starts a Node process that loads the CLI's TypeScript sources.
describe('rms-connector-admin --help and --version', { timeout: 60_000 }, () => {
  it('prints only the command entry when --help follows a command, in a pipe', () => {
    const run = runInPipe(['servers', 'add', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('servers add --role ROLE NAME [--acknowledge CODE]...');
    expect(run.stdout).toContain('must be acknowledged by its code');
    expect(run.stdout).not.toContain('servers remove');
    expect(run.stdout).not.toContain('directory resolve');
  });

  it("keeps an entry's continuation lines, however deep they are indented", () => {
    const run = runInPipe(['server-config', '--help']);
    expect(run.stdout).toContain('[--type exchange|sharepoint|fci[,…]]');
    expect(run.stdout).toContain('--type writes only those server types');
  });

  it('prints every entry of a command group for "help servers"', () => {
    const run = runInPipe(['help', 'servers']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('servers remove NAME|SID');
    expect(run.stdout).toContain('servers watch [--json]');
    expect(run.stdout).not.toContain('directory resolve');
  });

  it('prints the same command help in a terminal', () => {
    const run = runInTerminal(['check', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('check --role ROLE NAME');
    expect(run.stdout).not.toContain('servers remove');
  });

  it('prints the whole usage for an unknown command with --help', () => {
    const run = runInPipe(['nonsense', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Connection (flags, or environment variables):');
  });

  it('prints the version from package.json with --version, in a pipe and in a terminal', () => {
    const expected = /^rms-connector-admin \d+\.\d+\.\d+\n$/;
    expect(runInPipe(['--version'])).toEqual({ status: 0, stdout: expect.stringMatching(expected) as unknown, stderr: '' });
    expect(runInTerminal(['--version']).stdout).toMatch(expected);
  });
});
