import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runServiceCli, serviceEnvironment, startServeProcess } from './testing/service-process.ts';

describe('rms-connector-service command line', () => {
  let directory: string;
  let env: Record<string, string>;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'rmsadmin-service-cli-'));
    env = serviceEnvironment(join(directory, 'config.sqlite'));
  });
  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('adds, lists and removes role-based administrators (user and group), auditing each change', () => {
    expect(runServiceCli(['admins', 'add', '--user', 'alice@corp.contoso.test', '--role', 'ConnectorAdministrator'], env)).toMatchObject({
      status: 0,
      // Stored and shown as the console shows accounts, whatever form was typed.
      stdout: expect.stringMatching(/^CORP\\alice \(S-1-5-21-[\d-]+\) now holds ConnectorAdministrator\./),
    });
    expect(runServiceCli(['admins', 'add', '--group', 'CORP\\IT Ops'], env)).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('GlobalAdministrator'),
    });
    expect(runServiceCli(['admins', 'add', '--user', 'alice@corp.contoso.test', '--role', 'ConnectorAdministrator'], env)).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('nothing changed'),
    });
    const listed = runServiceCli(['admins', 'list', '--json'], env);
    expect(listed.status).toBe(0);
    const administrators = JSON.parse(listed.stdout) as { name: string; kind: string; role: string; sid: string }[];
    expect(administrators.map(({ name, kind, role }) => ({ name, kind, role }))).toEqual([
      { name: 'CORP\\alice', kind: 'user', role: 'ConnectorAdministrator' },
      { name: 'CORP\\IT Ops', kind: 'group', role: 'GlobalAdministrator' },
    ]);
    const groupSid = administrators[1]?.sid ?? '';
    expect(runServiceCli(['admins', 'remove', '--sid', groupSid, '--role', 'GlobalAdministrator'], env).status).toBe(0);
    expect(runServiceCli(['admins', 'remove', '--sid', groupSid, '--role', 'GlobalAdministrator'], env).status).toBe(1);
    const database = new DatabaseSync(env.CONNECTOR_DATABASE ?? '', { readOnly: true });
    try {
      const rows = database.prepare("SELECT action, actor FROM audit WHERE action LIKE 'role-based-administrator.%' ORDER BY id").all();
      expect(rows.map((row) => row.action)).toEqual(['role-based-administrator.add', 'role-based-administrator.add', 'role-based-administrator.remove']);
      expect(rows.every((row) => String(row.actor).includes('@'))).toBe(true);
    } finally {
      database.close();
    }
  });

  it('sets, shows and clears the onboarding-control group, refusing a distribution group', () => {
    expect(runServiceCli(['onboarding', 'set', '--group', 'CORP\\Nest Level 1'], env).status).toBe(0);
    expect(JSON.parse(runServiceCli(['onboarding', 'show', '--json'], env).stdout)).toMatchObject({ group: { name: 'CORP\\Nest Level 1' } });
    const distribution = runServiceCli(['onboarding', 'set', '--group', 'All Contoso Staff'], env);
    expect({ status: distribution.status, stderr: distribution.stderr }).toEqual({ status: 1, stderr: expect.stringContaining('security group') });
    expect(runServiceCli(['onboarding', 'clear'], env).status).toBe(0);
    expect(JSON.parse(runServiceCli(['onboarding', 'show', '--json'], env).stdout)).toMatchObject({ group: null });
  });

  it('reports an unknown account with exit code 1 and changes nothing', () => {
    const before = runServiceCli(['admins', 'list', '--json'], env).stdout;
    const answer = runServiceCli(['admins', 'add', '--user', 'no.such.user@corp.contoso.test'], env);
    expect({ status: answer.status, stderr: answer.stderr }).toEqual({ status: 1, stderr: expect.stringContaining('no user named') });
    expect(runServiceCli(['admins', 'list', '--json'], env).stdout).toBe(before);
  });

  it.each([
    [
      'admins add --user',
      ['admins', 'add', '--user', 'alice\u200B@corp.contoso.test'],
      '--user: Character 6 is U+200B (zero width space), which is invisible: retype the name without it.',
    ],
    [
      'admins remove --group',
      ['admins', 'remove', '--group', 'CORP\\IT\u202EOps', '--role', 'GlobalAdministrator'],
      '--group: Character 8 is U+202E (right-to-left override), which changes the reading direction: retype the name without it.',
    ],
    [
      'onboarding set --group',
      ['onboarding', 'set', '--group', '\uFEFFCORP\\Nest Level 1'],
      '--group: Character 1 is U+FEFF (byte order mark), which is invisible: retype the name without it.',
    ],
  ])('%s refuses a hidden character with exit 2, naming it and its position, and changes nothing', (_label, args, message) => {
    const before = [runServiceCli(['admins', 'list', '--json'], env).stdout, runServiceCli(['onboarding', 'show', '--json'], env).stdout];
    const answer = runServiceCli(args, env);
    expect({ status: answer.status, stdout: answer.stdout, stderr: answer.stderr }).toEqual({
      status: 2,
      stdout: '',
      stderr: expect.stringContaining(`rms-connector-service: ${message}`),
    });
    expect([runServiceCli(['admins', 'list', '--json'], env).stdout, runServiceCli(['onboarding', 'show', '--json'], env).stdout]).toEqual(before);
  });

  it.each([
    ['no database', ['admins', 'list'], { CONNECTOR_DATABASE: undefined }, 'CONNECTOR_DATABASE'],
    ['no service-account password', ['serve'], { CONNECTOR_LDAP_PASSWORD: undefined }, 'CONNECTOR_LDAP_PASSWORD'],
    ['an unknown environment', ['serve'], { CONNECTOR_ENVIRONMENT: 'AzureMoon' }, 'CONNECTOR_ENVIRONMENT'],
    ['a listen address without a port', ['serve', '--listen', '127.0.0.1'], {}, 'CONNECTOR_LISTEN'],
    ['a certificate without its key', ['serve'], { CONNECTOR_TLS_CERT: '/nonexistent/cert.pem' }, 'CONNECTOR_TLS_KEY'],
    ['unreadable TLS files', ['serve'], { CONNECTOR_TLS_CERT: '/nonexistent/cert.pem', CONNECTOR_TLS_KEY: '/nonexistent/key.pem' }, 'CONNECTOR_TLS_CERT'],
    ['a tenant URL that is not https', ['serve'], { CONNECTOR_TENANT_URL: 'javascript:alert(1)' }, 'CONNECTOR_TENANT_URL'],
    ['a database in a missing folder', ['admins', 'list'], { CONNECTOR_DATABASE: '/nonexistent/folder/config.sqlite' }, '/nonexistent/folder/config.sqlite'],
    ['a password given as a flag', ['serve', '--ldap-password', 'secret'], {}, 'ldap-password'],
    [
      'a directory CA that is a device',
      ['serve', '--listen', '127.0.0.1:0'],
      { CONNECTOR_LDAP_CA: '/dev/zero' },
      'CONNECTOR_LDAP_CA: The CA file "/dev/zero" cannot be used',
    ],
    [
      'a directory CA that is missing',
      ['serve', '--listen', '127.0.0.1:0'],
      { CONNECTOR_LDAP_CA: '/nonexistent/ca.pem' },
      'CONNECTOR_LDAP_CA: The CA file "/nonexistent/ca.pem" cannot be used',
    ],
    ['a directory timeout out of range', ['serve'], { CONNECTOR_LDAP_TIMEOUT: '0' }, 'CONNECTOR_LDAP_TIMEOUT'],
  ])('stops at start with a message naming the setting: %s', (_label, args, overrides, setting) => {
    const answer = runServiceCli(args, {
      ...env,
      ...Object.fromEntries(Object.entries(overrides).filter((pair): pair is [string, string] => pair[1] !== undefined)),
      ...Object.fromEntries(
        Object.entries(overrides)
          .filter(([, value]) => value === undefined)
          .map(([key]) => [key, '']),
      ),
    });
    expect({ status: answer.status, stdout: answer.stdout }).toEqual({ status: 2, stdout: '' });
    expect(answer.stderr).toContain(setting);
    expect(answer.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses to share its SQLite file with another live node', async () => {
    const serve = await startServeProcess({ ...env, CONNECTOR_NODE_NAME: 'RMSCON01' });
    try {
      const second = runServiceCli(['serve', '--listen', '127.0.0.1:0', '--node-name', 'RMSCON02'], env);
      expect({ status: second.status, stderr: second.stderr }).toEqual({ status: 2, stderr: expect.stringContaining('SQLite serves a single node') });
      const page = await fetch(`${serve.url}/_wmcs/certification/servercertification.asmx`);
      expect({ status: page.status, text: await page.text() }).toEqual({ status: 200, text: expect.stringContaining('ServerCertificationWebService') });
    } finally {
      serve.child.kill('SIGTERM');
      await serve.exited;
    }
  });
});
