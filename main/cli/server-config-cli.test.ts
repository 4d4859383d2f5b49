import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeService, type FakeService } from '../../core/connector/testing/fake-service.ts';

const TENANT = 'https://5c6bb73b-1038-4eec-863d-49bded473437.rms.na.aadrm.com';
const CONNECTOR = 'https://rmsconnector.contoso.com';
const GOLDEN = path.resolve('core/server-config/golden');

type Run = { status: number | null; stdout: string; stderr: string };

/** Run the real command line as its own process; only PATH is inherited (no proxy variables). */
function cli(args: readonly string[]): Promise<Run> {
  const child = spawn(process.execPath, ['bin/rms-connector-admin.js', ...args], { env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) => {
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

const errorCode = (run: Run): unknown => (JSON.parse(run.stdout) as { error?: { code: string } }).error?.code;

// Each run starts a Node process that loads the CLI's TypeScript sources (about 1-3 s on a busy machine).
describe('rms-connector-admin server-config', { timeout: 60_000 }, () => {
  const root = mkdtempSync(path.join(tmpdir(), 'server-config-cli-'));
  let folderCount = 0;
  const freshFolder = (): string => path.join(root, `out-${String((folderCount += 1))}`);
  let connector: FakeService;

  beforeAll(async () => {
    connector = await startFakeService();
  });
  afterAll(async () => {
    await connector.close();
    rmSync(root, { recursive: true, force: true });
  });

  it.each(['current', '2014'])('writes the golden files of the %s profile, byte for byte, and nothing else', async (profile) => {
    const out = freshFolder();
    const run = await cli(['server-config', '--connector-url', CONNECTOR, '--tenant-url', TENANT, '--profile', profile, '--out', out, '--json']);
    const summary = JSON.parse(run.stdout) as { profile: string; tenantUrlSource: string; files: { name: string }[] };
    const goldenNames = readdirSync(path.join(GOLDEN, profile)).sort();
    expect([
      run.status,
      summary.profile,
      summary.tenantUrlSource,
      readdirSync(out).sort(),
      goldenNames.filter((name) => !readFileSync(path.join(out, name)).equals(readFileSync(path.join(GOLDEN, profile, name)))),
    ]).toEqual([0, profile, 'given', goldenNames, []]);
  });

  it('writes only the Exchange and FCI files with --type exchange,fci, the golden bytes, and a GPO script for those only', async () => {
    const out = freshFolder();
    const run = await cli(['server-config', '--connector-url', CONNECTOR, '--tenant-url', TENANT, '--type', 'exchange,fci', '--out', out]);
    const written = readdirSync(out).sort();
    const gpoScript = readFileSync(path.join(out, 'CreateConnectorRedirectGPOs.ps1'), 'latin1');
    expect([
      run.status,
      written,
      written.filter((name) => name.endsWith('.reg') && !readFileSync(path.join(out, name)).equals(readFileSync(path.join(GOLDEN, 'current', name)))),
      /SharePoint/.test(gpoScript.replace(/^#.*$/gm, '')),
      /Exchange 2013/.test(gpoScript),
      run.stdout.includes('SharePoint 2013'),
    ]).toEqual([
      0,
      [
        'ApplyExchange2010RedirectionConfiguration.ps1',
        'ApplyExchange2013RedirectionConfiguration.ps1',
        'ApplyFCI2012RedirectionConfiguration.ps1',
        'CreateConnectorRedirectGPOs.ps1',
        'Exchange2010RedirectionConfiguration.reg',
        'Exchange2013RedirectionConfiguration.reg',
        'FCI2012RedirectionConfiguration.reg',
      ],
      [],
      false,
      true,
      false,
    ]);
  });

  it('refuses an unknown --type before writing anything', async () => {
    const out = freshFolder();
    const run = await cli(['server-config', '--connector-url', CONNECTOR, '--tenant-url', TENANT, '--type', 'exchange,lync', '--out', out, '--json']);
    expect([run.status, errorCode(run), existsSync(out)]).toEqual([2, 'USAGE', false]);
  });

  it('reads the tenant URL from the connector when --tenant-url is not given, and says so', async () => {
    connector.script({ text: `${TENANT}/\r\n` });
    const out = freshFolder();
    const run = await cli(['server-config', '--connector-url', connector.url, '--out', out]);
    expect([
      run.status,
      run.stdout.match(/^Tenant URL: +(.*)$/m)?.[1],
      run.stdout.includes('CONNECTOR_PLAIN_HTTP'),
      run.stdout.includes('CONNECTOR_IP_ADDRESS'),
      readdirSync(out).length,
    ]).toEqual([0, `${TENANT} (read from the connector)`, true, true, 11]);
  });

  it('writes nothing when the connector answers with something that is not a tenant URL', async () => {
    connector.script({ text: '<html><body>Please sign in</body></html>', headers: { 'content-type': 'text/html' } });
    const out = freshFolder();
    const run = await cli(['server-config', '--connector-url', connector.url, '--out', out, '--json']);
    expect([run.status, errorCode(run), existsSync(out)]).toEqual([2, 'TENANT_URL_NOT_A_URL', false]);
  });

  it.concurrent.for([
    ['a quote in the connector URL', ['--connector-url', 'https://rms.contoso.com"; Remove-Item C:\\ #', '--tenant-url', TENANT], 'URL_QUOTE'],
    [
      'CRLF in the connector URL',
      ['--connector-url', 'https://rms.contoso.com\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Evil]', '--tenant-url', TENANT],
      'URL_CONTROL_CHARACTER',
    ],
    ['CRLF in the tenant URL', ['--connector-url', CONNECTOR, '--tenant-url', `${TENANT}\r\n"x"="y"`], 'URL_CONTROL_CHARACTER'],
    ['a javascript: connector URL', ['--connector-url', 'javascript:alert(1)', '--tenant-url', TENANT], 'URL_SCHEME_NOT_HTTP'],
    ['a file: connector URL', ['--connector-url', 'file:///etc/passwd', '--tenant-url', TENANT], 'URL_SCHEME_NOT_HTTP'],
    ['user info in the connector URL', ['--connector-url', 'https://admin:Secr3t@rms.contoso.com', '--tenant-url', TENANT], 'URL_USERINFO'],
    ['user info in the tenant URL', ['--connector-url', CONNECTOR, '--tenant-url', 'https://admin:Secr3t@evil.example'], 'URL_USERINFO'],
    ['a look-alike Unicode host', ['--connector-url', 'https://rmsc\u043Ennector.contoso.com', '--tenant-url', TENANT], 'URL_NON_ASCII'],
    ['an overlong URL', ['--connector-url', `https://${'a.'.repeat(200)}com`, '--tenant-url', TENANT], 'URL_TOO_LONG'],
    ['an http tenant URL', ['--connector-url', CONNECTOR, '--tenant-url', TENANT.replace('https', 'http')], 'TENANT_URL_NOT_HTTPS'],
    ['an unknown profile', ['--connector-url', CONNECTOR, '--tenant-url', TENANT, '--profile', '2016'], 'PROFILE_UNKNOWN'],
    ['no --connector-url', ['--tenant-url', TENANT], 'USAGE'],
    ['an operand', ['--connector-url', CONNECTOR, '--tenant-url', TENANT, 'extra'], 'USAGE'],
  ] as const)('refuses %s with exit 2 and writes nothing', async ([, args, code], { expect }) => {
    const out = freshFolder();
    const run = await cli(['server-config', ...args, '--out', out, '--json']);
    expect([run.status, errorCode(run), existsSync(out), run.stdout.includes('Secr3t')]).toEqual([2, code, false, false]);
  });

  it('says in words what to type when a URL is refused', async () => {
    const run = await cli(['server-config', '--connector-url', 'rmsconnector.contoso.com', '--tenant-url', TENANT, '--out', freshFolder()]);
    expect([run.status, run.stderr.trim()]).toEqual([
      2,
      'rms-connector-admin: URL_NO_SCHEME: Start the connector URL with https:// (or http://), for example https://rmsconnector.contoso.com.',
    ]);
  });

  it('keeps existing files unless --force, and leaves no temporary files', async () => {
    const out = freshFolder();
    mkdirSync(out);
    writeFileSync(path.join(out, 'FCI2012RedirectionConfiguration.reg'), 'mine');
    const args = ['server-config', '--connector-url', CONNECTOR, '--tenant-url', TENANT, '--out', out, '--json'];
    const refused = await cli(args);
    const keptAfterRefusal = [readdirSync(out), readFileSync(path.join(out, 'FCI2012RedirectionConfiguration.reg'), 'utf8')];
    const forced = await cli([...args, '--force']);
    expect([
      refused.status,
      errorCode(refused),
      keptAfterRefusal,
      forced.status,
      readdirSync(out).length,
      readdirSync(out).filter((name) => name.endsWith('.tmp')),
      readFileSync(path.join(out, 'FCI2012RedirectionConfiguration.reg')).equals(
        readFileSync(path.join(GOLDEN, 'current', 'FCI2012RedirectionConfiguration.reg')),
      ),
    ]).toEqual([2, 'OUTPUT_EXISTS', [['FCI2012RedirectionConfiguration.reg'], 'mine'], 0, 11, [], true]);
  });

  it('refuses an --out that is a file', async () => {
    const file = path.join(root, 'a-file');
    writeFileSync(file, 'x');
    const run = await cli(['server-config', '--connector-url', CONNECTOR, '--tenant-url', TENANT, '--out', file, '--json']);
    expect([run.status, errorCode(run), readFileSync(file, 'utf8')]).toEqual([2, 'INVALID_INPUT', 'x']);
  });
});
