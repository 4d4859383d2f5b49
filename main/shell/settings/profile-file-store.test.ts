import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RememberedConnection } from '../../ipc/console-ports.ts';
import { createProfileFileStore, MAX_PROFILE_BYTES } from './profile-file-store.ts';
import { EMPTY_PROFILE } from './profile-schema.ts';

const CONNECTION: RememberedConnection = {
  environment: 'AzureUSGovernment',
  serviceUrl: 'https://connector.contoso.us',
  username: 'alice@corp.contoso.test',
  directory: { mode: 'domain', domain: 'corp.contoso.test', transport: 'starttls', bindUser: 'svc-browse' },
};

async function storeIn() {
  const folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-profile-'));
  const file = path.join(folder, 'profile.json');
  return { folder, file, store: createProfileFileStore(file) };
}

describe('createProfileFileStore', () => {
  it('starts unconfigured with empty defaults when there is no file', async () => {
    const { store } = await storeIn();
    expect(await store.load()).toEqual({ defaults: EMPTY_PROFILE, configured: false });
  });

  it('remembers a connection per environment, atomically, readable by the user only', async () => {
    const { folder, file, store } = await storeIn();
    await store.remember(CONNECTION);
    await store.remember({ ...CONNECTION, environment: 'AzureCloud', serviceUrl: 'https://connector.contoso.com' });
    const loaded = await store.load();
    expect(loaded.configured).toBe(true);
    expect(loaded.defaults.environment).toBe('AzureCloud');
    expect(loaded.defaults.serviceUrls).toEqual({
      ...EMPTY_PROFILE.serviceUrls,
      AzureCloud: 'https://connector.contoso.com',
      AzureUSGovernment: 'https://connector.contoso.us',
    });
    expect(loaded.defaults.directory).toEqual({
      mode: 'domain',
      domain: 'corp.contoso.test',
      serverUrl: '',
      transport: 'starttls',
      caFile: '',
      serverName: '',
      bindUser: 'svc-browse',
    });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 2 });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(folder)).toEqual(['profile.json']);
  });

  it('migrates a v1 profile (one service URL) to v2 (one per environment)', async () => {
    const { file, store } = await storeIn();
    const v1 = {
      version: 1,
      environment: 'AzureChinaCloud',
      serviceUrl: 'https://connector.contoso.cn',
      username: 'CORP\\alice',
      directory: { ...EMPTY_PROFILE.directory, domain: 'corp.contoso.test' },
    };
    await writeFile(file, JSON.stringify(v1));
    const loaded = await store.load();
    expect(loaded).toEqual({
      configured: true,
      defaults: {
        ...EMPTY_PROFILE,
        environment: 'AzureChinaCloud',
        serviceUrls: { ...EMPTY_PROFILE.serviceUrls, AzureChinaCloud: 'https://connector.contoso.cn' },
        username: 'CORP\\alice',
        directory: v1.directory,
      },
    });
    await store.remember({ ...CONNECTION, environment: 'AzureChinaCloud', serviceUrl: 'https://connector.contoso.cn' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 2, serviceUrls: { AzureChinaCloud: 'https://connector.contoso.cn' } });
  });

  it('drops unknown keys, and never keeps a password even if one was written into the file', async () => {
    const { file, store } = await storeIn();
    await writeFile(
      file,
      JSON.stringify({
        version: 2,
        environment: 'AzureCloud',
        serviceUrls: {},
        username: 'alice',
        password: 'Leaked-1',
        directory: { ...EMPTY_PROFILE.directory, bindPassword: 'Leaked-2' },
        __proto__: { admin: true },
      }),
    );
    const loaded = await store.load();
    expect(JSON.stringify(loaded)).not.toMatch(/Leaked|admin/);
    await store.remember(CONNECTION);
    expect(await readFile(file, 'utf8')).not.toMatch(/Leaked/);
  });

  it.each([
    ['not JSON', '{"version": 2,'],
    ['an environment outside the list', JSON.stringify({ version: 2, environment: 'Mars', serviceUrls: {}, username: '', directory: EMPTY_PROFILE.directory })],
    [
      'a string as the URL table',
      JSON.stringify({ version: 2, environment: 'AzureCloud', serviceUrls: 'x', username: '', directory: EMPTY_PROFILE.directory }),
    ],
    ['an array', '[]'],
    ['null', 'null'],
    ['binary', '\u0000\u0001\u0002'],
    [
      'far too large',
      JSON.stringify({ version: 2, environment: 'AzureCloud', serviceUrls: {}, username: 'a'.repeat(MAX_PROFILE_BYTES), directory: EMPTY_PROFILE.directory }),
    ],
  ])('sets aside a file that is %s and starts from the defaults, without failing', async (_label, content) => {
    const { folder, file, store } = await storeIn();
    await writeFile(file, content);
    expect(await store.load()).toEqual({ defaults: EMPTY_PROFILE, configured: false });
    const names = await readdir(folder);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^profile\.json\.corrupt-\d{4}-\d\d-\d\dT/);
    expect(await readFile(path.join(folder, names[0] ?? ''), 'utf8')).toBe(content);
  });

  it("leaves a newer version's file in place (a downgraded app) and starts from empty defaults", async () => {
    const { folder, file, store } = await storeIn();
    const newer = JSON.stringify({ version: 3, environment: 'AzureCloud', somethingNew: true });
    await writeFile(file, newer);
    expect(await store.load()).toEqual({ defaults: EMPTY_PROFILE, configured: true });
    expect([await readdir(folder), await readFile(file, 'utf8')]).toEqual([['profile.json'], newer]);
  });
});
