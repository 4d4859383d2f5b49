import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const folder = mkdtempSync(path.join(tmpdir(), 'rmsadmin-hidden-cli-'));
const listFile = path.join(folder, 'list.json');
writeFileSync(
  listFile,
  JSON.stringify([
    { sid: 'S-1-5-21-1-2-3-1139', name: 'CORP\\Exchange Servers', role: 'exchange' },
    { sid: 'S-1-5-21-1-2-3-1140', name: 'CORP\\FS01\u2060$', role: 'fci' },
  ]),
);

/**
 * Run the real command line with nothing to connect to: no directory, no service, no session.
 *
 * A hidden character must be refused before anything connects, so each run ends in exit 2
 * without a connection error.
 */
function cli(args: readonly string[]) {
  const env = {
    PATH: process.env.PATH ?? '',
    RMSADMIN_SESSION_FILE: path.join(folder, 'no-session.json'),
    RMSADMIN_LDAP_URL: 'ldaps://127.0.0.1:9',
    RMSADMIN_LDAP_USER: 'nobody@contoso.test',
    RMSADMIN_LDAP_PASSWORD: 'Not-Used-1',
  };
  const run = spawnSync(process.execPath, ['bin/rms-connector-admin.js', ...args], { env, encoding: 'utf8', timeout: 30_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

// Each run starts a Node process that loads the CLI's TypeScript sources.
describe('rms-connector-admin with a hidden character in a name', { timeout: 60_000 }, () => {
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('refuses servers add NAME with exit 2, the character and its position, before connecting', () => {
    expect(cli(['servers', 'add', '--role', 'fci', 'FS\u200B01$'])).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'rms-connector-admin: INVALID_INPUT: servers add NAME: Character 3 is U+200B (zero width space), which is invisible: retype the name without it.\n',
    });
  });

  it.each([
    [
      'check NAME (after an emoji)',
      ['check', '--role', 'exchange', 'CORP\\😀Exchange\u202EServers'],
      'check NAME: Character 15 is U+202E (right-to-left override)',
    ],
    [
      'a --connector-node name',
      ['check', '--role', 'fci', 'FS01$', '--connector-node', 'RMS\u200DCON$'],
      '--connector-node: Character 4 is U+200D (zero width joiner)',
    ],
    ['servers remove NAME', ['servers', 'remove', '\uFEFFFS01$'], 'servers remove NAME: Character 1 is U+FEFF (byte order mark)'],
    ['a name in a --list file', ['review', '--list', listFile], 'entry 2, "name": Character 10 is U+2060 (word joiner)'],
    ['a name in a servers import file', ['servers', 'import', listFile], 'entry 2, "name": Character 10 is U+2060 (word joiner)'],
    [
      'the second of several directory resolve names',
      ['directory', 'resolve', 'alice', 'b\u200Fob'],
      'directory resolve NAME 2: Character 2 is U+200F (right-to-left mark)',
    ],
    ['a directory search query', ['directory', 'search', 'Exchange\u2066'], 'directory search QUERY: Character 9 is U+2066'],
    ['a directory members group name', ['directory', 'members', '\u200BExchange Servers'], 'directory members group name: Character 1 is U+200B'],
    ['a directory info name', ['directory', 'info', 'FS01\u2060$'], 'directory info name: Character 5 is U+2060'],
  ])('refuses %s with INVALID_INPUT, exit 2 and where the character is, in JSON too', (_label, args, message) => {
    const run = cli([...args, '--json']);
    expect([run.status, JSON.parse(run.stdout)]).toEqual([2, { error: { code: 'INVALID_INPUT', message: expect.stringContaining(message) } }]);
  });
});
