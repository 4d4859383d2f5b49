import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerConfigPlan } from '../../contract/server-config.ts';
import { startHttpConnector } from '../../core/health/testing/loopback-servers.ts';
import { planServerConfiguration, renderOutputFiles } from '../../core/server-config/index.ts';
import type { FolderRequest } from './console-ports.ts';
import { createTestConsole, type TestConsole } from './testing/test-console.ts';

const TENANT = 'https://5c6bb73b-1038-4eec-863d-49bded473437.rms.na.aadrm.com';
const CONNECTOR = 'https://rmsconnector.contoso.com';
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function emptyFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-server-config-'));
  cleanups.push(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

/** A signed-in console whose folder picker answers `folder` (or "closed") and records each ask. */
async function signedIn(folder: string | undefined): Promise<TestConsole & { asked: FolderRequest[] }> {
  const asked: FolderRequest[] = [];
  const harness = createTestConsole({
    chooseFolder: (request) => {
      asked.push(request);
      return Promise.resolve(folder);
    },
  });
  await harness.signIn();
  return { ...harness, asked };
}

const input = (overrides: Record<string, unknown> = {}) => ({
  connectorUrl: CONNECTOR,
  tenantUrl: TENANT,
  profile: 'current',
  operationId: crypto.randomUUID(),
  ...overrides,
});

describe('server-config handlers', () => {
  it('plans every server type with previews decoded from the exact bytes, the warnings and the profile differences', async () => {
    const harness = await signedIn(undefined);

    const result = await harness.dispatcher.dispatch('server-config:plan', input());

    const plan = (result as { ok: true; value: ServerConfigPlan }).value;
    const exchangeReg = plan.files.find((file) => file.name === 'Exchange2013RedirectionConfiguration.reg');
    expect({
      tenantUrlSource: plan.tenantUrlSource,
      servers: plan.servers.map((server) => server.serverType),
      files: plan.files.length,
      warnings: plan.notices.map((notice) => notice.code),
      differs: plan.profileDifferences.some((difference) => difference.kind === 'only-current'),
      reg: { encoding: exchangeReg?.encoding, firstLine: exchangeReg?.text.split('\r\n')[0] },
    }).toEqual({
      tenantUrlSource: 'given',
      servers: ['exchange2013', 'exchange2010', 'sharepoint2013', 'sharepoint2010', 'fci2012'],
      files: 11,
      warnings: expect.arrayContaining(['NEVER_A_SINGLE_NODE', 'CONNECTOR_URL_RENAME']),
      differs: true,
      reg: { encoding: 'UTF-16LE with BOM', firstLine: 'Windows Registry Editor Version 5.00' },
    });
    expect(exchangeReg?.text).toContain(`"${TENANT}"="${CONNECTOR}"`);
    expect(exchangeReg?.bytes).toBe(Buffer.byteLength(`\uFEFF${exchangeReg?.text ?? ''}`, 'utf16le'));
  });

  it('reads the tenant URL from the connector when none is typed', async () => {
    const server = await startHttpConnector({ tenantUrl: TENANT });
    cleanups.push(() => server.close());
    const harness = await signedIn(undefined);

    const result = await harness.dispatcher.dispatch(
      'server-config:plan',
      input({ connectorUrl: `http://127.0.0.1:${String(server.port)}`, tenantUrl: undefined }),
    );

    expect(result).toEqual({ ok: true, value: expect.objectContaining({ tenantUrl: TENANT, tenantUrlSource: 'connector' }) });
  });

  it('says what to type when the connector cannot give the tenant URL', async () => {
    const server = await startHttpConnector();
    cleanups.push(() => server.close());
    const harness = await signedIn(undefined);

    const result = await harness.dispatcher.dispatch(
      'server-config:plan',
      input({ connectorUrl: `http://127.0.0.1:${String(server.port)}`, tenantUrl: undefined }),
    );

    expect(result).toEqual({
      ok: false,
      error: {
        code: 'TENANT_URL_HTTP_ERROR',
        source: 'console',
        title: 'The tenant URL could not be read from the connector',
        message: expect.stringContaining('Get-AipServiceConfiguration'),
      },
    });
  });

  it('saves every file into the chosen folder, byte for byte what the CLI writes', async () => {
    const folder = await emptyFolder();
    const harness = await signedIn(folder);

    const result = await harness.dispatcher.dispatch('server-config:save', input());

    const expected = renderOutputFiles(
      (planServerConfiguration({ connectorUrl: CONNECTOR, tenantUrl: TENANT, profile: 'current' }) as { ok: true; plan: never }).plan,
    );
    expect(result).toEqual({ ok: true, value: { saved: true, folder, files: expected.map((file) => ({ name: file.name, bytes: file.bytes.length })) } });
    for (const file of expected) expect(await readFile(path.join(folder, file.name))).toEqual(file.bytes);
    expect((await readFile(path.join(folder, 'Exchange2013RedirectionConfiguration.reg'))).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
    expect(harness.asked).toEqual([{ title: expect.stringContaining('folder'), buttonLabel: 'Save here' }]);
  });

  it('saves only the chosen server types and outputs (the GPO script covers every type)', async () => {
    const folder = await emptyFolder();
    const harness = await signedIn(folder);

    await harness.dispatcher.dispatch('server-config:save', input({ serverTypes: ['exchange2013'], outputs: ['reg', 'gpo-script'] }));

    expect((await readdir(folder)).sort()).toEqual(['CreateConnectorRedirectGPOs.ps1', 'Exchange2013RedirectionConfiguration.reg']);
  });

  it('writes nothing when the admin closes the folder picker', async () => {
    const harness = await signedIn(undefined);
    expect(await harness.dispatcher.dispatch('server-config:save', input())).toEqual({ ok: true, value: { saved: false } });
  });

  it('keeps files already in the folder unless replacing is asked for', async () => {
    const folder = await emptyFolder();
    await writeFile(path.join(folder, 'FCI2012RedirectionConfiguration.reg'), 'mine');
    const harness = await signedIn(folder);

    const refused = await harness.dispatcher.dispatch('server-config:save', input());
    const untouched = [(await readdir(folder)).length, await readFile(path.join(folder, 'FCI2012RedirectionConfiguration.reg'), 'utf8')];
    const replaced = await harness.dispatcher.dispatch('server-config:save', input({ replaceExisting: true }));

    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'OUTPUT_EXISTS',
        source: 'console',
        title: 'The folder already holds these files',
        message: expect.stringContaining('Replace existing files'),
        details: ['FCI2012RedirectionConfiguration.reg'],
      },
    });
    expect(untouched).toEqual([1, 'mine']);
    expect(replaced.ok).toBe(true);
    expect(await readdir(folder)).toHaveLength(11);
  });

  it('answers NOT_AVAILABLE where no folder can be chosen', async () => {
    const harness = createTestConsole();
    await harness.signIn();
    expect(await harness.dispatcher.dispatch('server-config:save', input())).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'NOT_AVAILABLE', title: 'Files cannot be saved here' }),
    });
  });

  it.each([
    ['a quote in the connector URL', { connectorUrl: 'https://rms"connector.contoso.com' }, 'URL_QUOTE'],
    ['a user name and password', { connectorUrl: 'https://admin:secret@rmsconnector.contoso.com' }, 'URL_USERINFO'],
    ['a file: URL', { connectorUrl: 'file:///C:/Windows/System32' }, 'URL_SCHEME_NOT_HTTP'],
    ['a javascript: URL', { connectorUrl: 'javascript:alert(1)' }, 'URL_SCHEME_NOT_HTTP'],
    ['a tenant URL over http', { tenantUrl: 'http://5c6bb73b-1038-4eec-863d-49bded473437.rms.na.aadrm.com' }, 'TENANT_URL_NOT_HTTPS'],
    ['a hostile URL and no tenant URL', { connectorUrl: 'ftp://rmsconnector.contoso.com', tenantUrl: undefined }, 'URL_SCHEME_NOT_HTTP'],
  ])('refuses %s with what to type, before any folder is asked for or written', async (_label, overrides, code) => {
    const folder = await emptyFolder();
    const harness = await signedIn(folder);

    const [planned, saved] = [
      await harness.dispatcher.dispatch('server-config:plan', input(overrides)),
      await harness.dispatcher.dispatch('server-config:save', input(overrides)),
    ];

    expect([planned, saved]).toEqual([
      {
        ok: false,
        error: { code, source: 'console', title: expect.stringMatching(/^The (connector|tenant) URL cannot be used$/), message: expect.any(String) },
      },
      {
        ok: false,
        error: { code, source: 'console', title: expect.stringMatching(/^The (connector|tenant) URL cannot be used$/), message: expect.any(String) },
      },
    ]);
    expect(JSON.stringify([planned, saved])).not.toContain('secret');
    expect([harness.asked, await readdir(folder)]).toEqual([[], []]);
  });
});
