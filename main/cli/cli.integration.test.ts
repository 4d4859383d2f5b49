import { describe, expect, it } from 'vitest';
import { adTestConnection } from '../../core/directory/testing/ad-test-connection.ts';
import { cliEnvironment, runCliProcess } from './testing/run-cli-process.ts';
import { runInTerminal } from './testing/run-in-terminal.ts';

const cli = runCliProcess;

describe('rms-connector-admin directory', () => {
  it('resolves names and exits 0 when all resolve', () => {
    const run = cli(['directory', 'resolve', 'CORP\\EXCH01$', 'Smith, John (Ops)', 'svc-sp-central@corp.contoso.test']);
    expect([run.status, run.stdout.split('\n').filter((line) => line.startsWith('resolved')).length]).toEqual([0, 3]);
  });

  it('exits 1 and says why when a name is ambiguous or missing, with JSON for scripts', () => {
    const run = cli(['directory', 'resolve', 'John Smith', 'no-such-account', '--json']);
    const parsed = JSON.parse(run.stdout) as { status: string; candidates?: unknown[] }[];
    expect([run.status, parsed.map((resolution) => resolution.status), parsed[0]?.candidates?.length]).toEqual([1, ['ambiguous', 'not-found'], 2]);
  });

  it('searches with a type filter and pages past 1,000 entries', () => {
    const run = cli(['directory', 'search', '--type', 'user', '--base', 'OU=Bulk Users,OU=Contoso,DC=corp,DC=contoso,DC=test', '*', '--json']);
    expect([run.status, (JSON.parse(run.stdout) as unknown[]).length]).toEqual([0, 2600]);
  });

  it('lists transitive members sorted, each with the group it comes through, the primary-group member marked', () => {
    const run = cli(['directory', 'members', 'Exchange Servers', '--transitive']);
    const rows = run.stdout.split('\n').filter((line) => line.startsWith('CORP\\'));
    expect([run.status, rows.map((line) => line.split(/ {2,}/).slice(0, 3))]).toEqual([
      0,
      [
        ['CORP\\EXCH01$', 'computer', '(direct)'],
        ['CORP\\EXCH02$', 'computer', '(direct)'],
        ['CORP\\EXCH03$', 'computer', 'CORP\\Exchange Install Domain Servers (primary group)'],
        ['CORP\\Exchange Install Domain Servers', 'security group (global)', '(direct)'],
        ['CORP\\svc-exchange-helper', 'user', '(direct)'],
      ],
    ]);
    const json = JSON.parse(cli(['directory', 'members', 'Exchange Servers', '--transitive', '--json']).stdout) as {
      members: { samAccountName: string; through: string[]; throughPrimaryGroup: boolean }[];
    };
    expect(json.members.find((member) => member.samAccountName === 'EXCH03$')).toMatchObject({
      through: ['CORP\\Exchange Install Domain Servers'],
      throughPrimaryGroup: true,
    });
  });

  it('cuts member rows to a narrow terminal, and not in a pipe', () => {
    const args = ['directory', 'members', 'Exchange Servers', '--transitive'];
    const terminal = runInTerminal(args, cliEnvironment(), 60).stdout.split('\n');
    const pipe = cli(args).stdout.split('\n');
    expect(terminal.filter((line) => line.length > 60)).toEqual([]);
    expect(terminal.some((line) => line.startsWith('CORP\\EXCH03$') && line.endsWith('…'))).toBe(true);
    expect(pipe.some((line) => line.length > 60)).toBe(true);
  });

  it('shows an object as enabled and its primary group by name', () => {
    const run = cli(['directory', 'info', 'EXCH03$']);
    expect([run.status, run.stdout]).toEqual([0, expect.stringMatching(/^Status: +enabled$/m)]);
    expect(run.stdout).toMatch(/^Primary group: +CORP\\Exchange Install Domain Servers \(S-1-5-21-[\d-]+\)$/m);
  });

  it('shows facts and groups of an object', () => {
    const run = cli(['directory', 'info', 'EXCH03$', '--json']);
    const parsed = JSON.parse(run.stdout) as { object: { sid: string }; groups: { name: string }[] };
    expect([run.status, parsed.groups.map((group) => group.name).sort()]).toEqual([
      0,
      ['Domain Computers', 'Exchange Install Domain Servers', 'Exchange Servers'],
    ]);
  });

  it('discovers the DC from DNS with --domain and --dns-server', () => {
    const run = cli(['directory', 'resolve', 'alice', '--domain', 'corp.contoso.test', '--dns-server', adTestConnection().dnsServer ?? '127.0.0.1'], {
      env: { RMSADMIN_LDAP_URL: undefined, RMSADMIN_LDAP_SERVERNAME: undefined },
    });
    expect([run.status, run.stdout]).toEqual([0, expect.stringContaining('CORP\\alice')]);
  });

  it('reads the password from standard input', () => {
    const run = cli(['directory', 'info', 'bind.ok', '--password-stdin'], {
      env: { RMSADMIN_LDAP_PASSWORD: undefined },
      input: `${adTestConnection().password}\n`,
    });
    expect(run.status).toEqual(0);
  });

  it.each([
    ['an unknown command', ['directory', 'frobnicate'], {}, 'USAGE'],
    ['an unknown flag', ['directory', 'resolve', 'x', '--bogus'], {}, 'USAGE'],
    ['a password flag', ['directory', 'resolve', 'x', '--password', 'secret'], {}, 'USAGE'],
    ['an unknown type', ['directory', 'search', '--type', 'printer', 'x'], {}, 'USAGE'],
    ['members of a user', ['directory', 'members', 'alice'], {}, 'NOT_A_GROUP'],
    ['a wrong CA', ['directory', 'resolve', 'alice'], { RMSADMIN_LDAP_CA: '/etc/ssl/certs/ca-certificates.crt' }, 'CERT_UNTRUSTED'],
    ['a wrong server name', ['directory', 'resolve', 'alice'], { RMSADMIN_LDAP_SERVERNAME: 'evil.example.com' }, 'CERT_NAME_MISMATCH'],
    ['a plaintext URL', ['directory', 'resolve', 'alice'], { RMSADMIN_LDAP_URL: 'ldap://127.0.0.1:389' }, 'PLAINTEXT_REFUSED'],
    [
      'a wrong password',
      ['directory', 'resolve', 'alice'],
      { RMSADMIN_LDAP_USER: 'bind.wrongpw@corp.contoso.test', RMSADMIN_LDAP_PASSWORD: 'wrong' },
      'INVALID_CREDENTIALS',
    ],
    ['an oversized name', ['directory', 'resolve', 'x'.repeat(5000)], {}, 'INVALID_INPUT'],
    ['a filter injection in a base DN', ['directory', 'search', '--base', '*)(objectClass=*', 'x'], {}, 'INVALID_INPUT'],
  ])('refuses %s with its code, a sentence, exit 1 or 2 and no partial output', (_label, args, env, code) => {
    const run = cli([...args, '--json'], { env });
    const parsed = JSON.parse(run.stdout) as { error: { code: string; message: string } };
    expect([run.status === 1 || run.status === 2, parsed, run.stdout.trim().startsWith('{"error"') || run.stdout.trim().startsWith('{\n  "error"')]).toEqual([
      true,
      { error: { code, message: expect.stringMatching(/\w+ \w+ \w+/) } },
      true,
    ]);
  });

  it.each([
    [
      'directory resolve',
      ['directory', 'resolve', 'alice', 'Exch\u200Bange Servers'],
      'directory resolve NAME 2: Character 5 is U+200B (zero width space), which is invisible: retype the name without it.',
    ],
    [
      'directory info',
      ['directory', 'info', '😀\u2066alice'],
      'directory info name: Character 2 is U+2066 (left-to-right isolate), which changes the reading direction: retype the name without it.',
    ],
    [
      'directory search',
      ['directory', 'search', 'adm\u200Fin'],
      'directory search QUERY: Character 4 is U+200F (right-to-left mark), which changes the reading direction: retype the search text without it.',
    ],
  ])('%s refuses a hidden character with exit 2, naming it and its position, before connecting', (_label, args, message) => {
    const run = cli(args);
    expect([run.status, run.stdout, run.stderr]).toEqual([2, '', `rms-connector-admin: INVALID_INPUT: ${message}\n`]);
  });

  it('prints a human error on stderr and nothing on stdout without --json', () => {
    const run = cli(['directory', 'resolve', 'alice'], { env: { RMSADMIN_LDAP_SERVERNAME: 'evil.example.com' } });
    expect([run.status, run.stdout, run.stderr]).toEqual([2, '', expect.stringMatching(/^rms-connector-admin: CERT_NAME_MISMATCH: .+/)]);
  });
});
