import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnvironment, runCliProcess, type CliRun } from './testing/run-cli-process.ts';
import { runInTerminal } from './testing/run-in-terminal.ts';

type Run = CliRun;
type Finding = { code: string; severity: string; message: string; accounts: { sid: string; name: string }[] };

const cli = (args: readonly string[], env: Record<string, string | undefined> = {}): Run => runCliProcess(args, { env });

const sidOf = (name: string): string => (JSON.parse(cli(['directory', 'info', name, '--json']).stdout) as { object: { sid: string } }).object.sid;
const codesOf = (run: Run) => (JSON.parse(run.stdout) as { findings: Finding[] }).findings.map((finding) => finding.code);

describe('rms-connector-admin policy commands', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'policy-cli-'));
  const file = (name: string, content: string) => {
    writeFileSync(path.join(folder, name), content);
    return path.join(folder, name);
  };
  let listFile = '';

  beforeAll(() => {
    const entries = [
      { sid: sidOf('Exchange Servers'), name: 'CORP\\Exchange Servers', role: 'exchange' },
      { sid: sidOf('FCI File Servers'), name: 'CORP\\FCI File Servers', role: 'fci' },
      { sid: sidOf('FCI File Servers'), name: 'CORP\\FCI File Servers', role: 'fci' },
      { sid: 'S-1-5-21-1-2-3-424242', name: 'CORP\\gone', role: 'exchange' },
    ];
    listFile = file('list.json', `\uFEFF${JSON.stringify(entries)}`);
  });
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('checks a grant and exits 0 with the object and findings as JSON when nothing is an error', () => {
    const run = cli(['check', '--role', 'exchange', 'Exchange Install Domain Servers', '--json']);
    const parsed = JSON.parse(run.stdout) as { object: { sid: string; samAccountName: string }; findings: Finding[] };
    expect([
      run.status,
      parsed.object.samAccountName,
      parsed.findings.map((finding) => [finding.code, finding.severity, finding.accounts.map((account) => account.name)]),
    ]).toEqual([
      0,
      'Exchange Install Domain Servers',
      [
        ['SUPER_USER_GRANT', 'warning', ['CORP\\EXCH03$']],
        ['GROUP_SHARES_CERTIFICATES', 'info', ['CORP\\Exchange Install Domain Servers']],
      ],
    ]);
  });

  it('prints each code with its title and the servers add line that acknowledges the warnings, in a pipe', () => {
    const run = cli(['check', '--role', 'exchange', 'Exchange Install Domain Servers']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ {2}SUPER_USER_GRANT: Members become super users$/m);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      "To add it after reading each warning: rms-connector-admin servers add --role exchange 'Exchange Install Domain Servers' --acknowledge SUPER_USER_GRANT",
    );
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('colours the warnings heading in a terminal', () => {
    const run = runInTerminal(['check', '--role', 'exchange', 'Exchange Install Domain Servers'], cliEnvironment(), 200);
    expect(run.stdout).toContain('\u001b[33mWarnings (acknowledge each code before saving):\u001b[0m');
    expect(run.stdout).toContain('--acknowledge SUPER_USER_GRANT');
  });

  it.each([
    ['a user for FCI', ['--role', 'fci', 'fileadmin'], ['FCI_REQUIRES_COMPUTER_ACCOUNTS']],
    [
      'an entry already in the list',
      ['--role', 'fci', 'FCI File Servers', '--list', '<list>'],
      ['ALREADY_AUTHORIZED', 'FCI_GROUP_NON_COMPUTER_MEMBER', 'GROUP_SHARES_CERTIFICATES'],
    ],
    [
      'a connector node',
      ['--role', 'sharepoint', 'RMSCON01$', '--connector-node', 'RMSCON02', '--connector-node', 'RMSCON01'],
      ['SHAREPOINT_COMPUTER_NEEDS_GROUP', 'CONNECTOR_HOST'],
    ],
    ['a name that is not found', ['--role', 'exchange', 'no-such-account'], ['NOT_FOUND']],
    ['an ambiguous name', ['--role', 'exchange', 'John Smith'], ['AMBIGUOUS_NAME']],
  ])('exits 1 when the check finds an error: %s', (_label, args, codes) => {
    const run = cli(['check', ...args.map((arg) => (arg === '<list>' ? listFile : arg)), '--json']);
    expect([run.status, codesOf(run)]).toEqual([1, codes]);
  });

  it('gives a null object when the name does not resolve', () => {
    expect((JSON.parse(cli(['check', '--role', 'fci', 'no-such-account', '--json']).stdout) as { object: unknown }).object).toEqual(null);
  });

  it('prints findings grouped by severity with their accounts for people', () => {
    const run = cli(['check', '--role', 'exchange', 'Exchange Servers', '--list', listFile]);
    expect([run.status, run.stdout]).toEqual([
      1,
      expect.stringMatching(
        /^Check of CORP\\Exchange Servers \(security group \(universal\).*\n\nErrors \(these block saving\):\n {2}ALREADY_AUTHORIZED: Already authorized\n.*\n {6}CORP\\Exchange Servers\n\nWarnings[^\n]*:\n {2}SUPER_USER_GRANT: Members become super users\n[\s\S]* {6}CORP\\EXCH03\$\n[\s\S]*Information:\n {2}GROUP_SHARES_CERTIFICATES[\s\S]*\nResult: 1 error: /,
      ),
    ]);
  });

  it('lists effective super users with their paths, primary-group links and orphaned Exchange entries', () => {
    const run = cli(['super-users', '--list', listFile, '--json']);
    const parsed = JSON.parse(run.stdout) as {
      superUsers: { account: { samAccountName: string }; grants: { path: string[]; throughPrimaryGroup: boolean }[] }[];
      orphanedEntries: { name: string }[];
    };
    expect([
      run.status,
      parsed.superUsers.map(({ account, grants }) => [account.samAccountName, grants.map((grant) => [grant.path.join(' > '), grant.throughPrimaryGroup])]),
      parsed.orphanedEntries.map((entry) => entry.name),
    ]).toEqual([
      0,
      [
        ['EXCH01$', [['CORP\\Exchange Servers', false]]],
        ['EXCH02$', [['CORP\\Exchange Servers', false]]],
        ['EXCH03$', [['CORP\\Exchange Servers > CORP\\Exchange Install Domain Servers', true]]],
        ['svc-exchange-helper', [['CORP\\Exchange Servers', false]]],
      ],
      ['CORP\\gone'],
    ]);
  });

  it('reviews a list and exits 1 when an entry is a duplicate', () => {
    const run = cli(['review', '--list', listFile, '--connector-node', 'RMSCON01', '--json']);
    const parsed = JSON.parse(run.stdout) as { entries: { name: string; object: unknown }[]; findings: Finding[] };
    expect([run.status, parsed.entries.map((entry) => [entry.name, entry.object !== null]), parsed.findings.map((finding) => finding.code)]).toEqual([
      1,
      [
        ['CORP\\Exchange Servers', true],
        ['CORP\\FCI File Servers', true],
        ['CORP\\FCI File Servers', true],
        ['CORP\\gone', false],
      ],
      ['ALREADY_AUTHORIZED', 'SUPER_USER_NON_SERVER_MEMBER', 'FCI_GROUP_NON_COMPUTER_MEMBER', 'FCI_GROUP_NON_COMPUTER_MEMBER', 'ORPHANED_ENTRY'],
    ]);
  });

  const unreachable = { RMSADMIN_LDAP_URL: 'ldaps://127.0.0.1:1' };
  it.each([
    ['a list that is not JSON', ['review', '--list', '<not-json>'], unreachable, 'INVALID_INPUT', /not valid JSON/],
    ['a list entry with a wrong role', ['super-users', '--list', '<wrong-role>'], unreachable, 'INVALID_INPUT', /entry 1, "role"/],
    ['a list entry with a number for a name', ['review', '--list', '<wrong-type>'], unreachable, 'INVALID_INPUT', /entry 1, "name"/],
    ['a list entry with an unknown field', ['review', '--list', '<unknown-field>'], unreachable, 'INVALID_INPUT', /Unrecognized key/],
    ['a list that is an object', ['review', '--list', '<object>'], unreachable, 'INVALID_INPUT', /not a valid authorized list/],
    ['a list of more than 10,000 entries', ['check', '--role', 'fci', 'FS01$', '--list', '<too-long>'], unreachable, 'INVALID_INPUT', /10,001 entries/],
    ['a list file that does not exist', ['review', '--list', '<missing>'], unreachable, 'INVALID_INPUT', /cannot be read \(ENOENT\)/],
    ['a folder as list file', ['review', '--list', '<folder>'], unreachable, 'INVALID_INPUT', /is not a file/],
    [
      'review without --list and without signing in',
      ['review'],
      { ...unreachable, RMSADMIN_SESSION_FILE: '/nonexistent/rmsadmin/session.json' },
      'NOT_SIGNED_IN',
      /not signed in to the connector service/,
    ],
    ['check without --role', ['check', 'FS01$'], unreachable, 'USAGE', /needs --role/],
    ['check with an unknown role', ['check', '--role', 'admin', 'FS01$'], unreachable, 'USAGE', /Unknown --role "admin"/],
    ['check with two names', ['check', '--role', 'fci', 'FS01$', 'FS02$'], unreachable, 'USAGE', /exactly one NAME/],
    [
      'a connector node that is not a computer',
      ['check', '--role', 'fci', 'FS01$', '--connector-node', 'alice'],
      {},
      'INVALID_INPUT',
      /not a computer account/,
    ],
  ])('refuses %s with exit 2, its code, a sentence and no partial output', (_label, args, env, code, message) => {
    const placeholders: Record<string, string> = {
      '<not-json>': file('not-json.json', '[{"sid": '),
      '<wrong-role>': file('wrong-role.json', JSON.stringify([{ sid: 'S-1-5-21-1-2-3-500', name: 'x', role: 'admin' }])),
      '<wrong-type>': file('wrong-type.json', JSON.stringify([{ sid: 'S-1-5-21-1-2-3-500', name: 7, role: 'fci' }])),
      '<unknown-field>': file('unknown-field.json', JSON.stringify([{ sid: 'S-1-5-21-1-2-3-500', name: 'x', role: 'fci', addedBy: 'eve' }])),
      '<object>': file('object.json', '{"entries": []}'),
      '<too-long>': file(
        'too-long.json',
        JSON.stringify(Array.from({ length: 10_001 }, (_, index) => ({ sid: `S-1-5-21-1-2-3-${index}`, name: 'x', role: 'fci' }))),
      ),
      '<missing>': path.join(folder, 'missing.json'),
      '<folder>': folder,
    };
    const run = cli([...args.map((arg) => placeholders[arg] ?? arg), '--json'], env);
    expect([run.status, JSON.parse(run.stdout)]).toEqual([2, { error: { code, message: expect.stringMatching(message) } }]);
  });
});
