import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificateAuthority } from '../../core/tls/issue-certificates.ts';
import { CA_FILE_REFUSED_MESSAGE } from '../../core/tls/read-ca-file.ts';
import { createMemoryProfileStore } from './memory-profile-store.ts';
import { createTestConsole, TEST_DEFAULTS } from './testing/test-console.ts';

const REFUSED = { ok: false, error: { code: 'INVALID_CA_FILE', source: 'console', title: 'The CA file cannot be used', message: CA_FILE_REFUSED_MESSAGE } };

describe('ca-file:choose and the CA files main holds', () => {
  let folder: string;
  let caFile: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-ca-ipc-'));
    caFile = path.join(folder, 'contoso-root.cer');
    await writeFile(caFile, (await createCertificateAuthority({ commonName: 'Contoso Root CA' })).certPem);
    await writeFile(path.join(folder, 'big.pem'), Buffer.alloc(2 * 1024 * 1024, 0x41));
    execFileSync('mkfifo', [path.join(folder, 'pipe.pem')]);
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('answers the chosen file as an id, its name, subject and expiry, and nothing when the picker is closed', async () => {
    const answers = [caFile, undefined];
    const titles: string[] = [];
    const harness = createTestConsole({
      chooseCaFile: (request) => {
        titles.push(request.title);
        return Promise.resolve(answers.shift());
      },
    });
    const chosen = await harness.dispatcher.dispatch('ca-file:choose', { purpose: 'directory' });
    const closed = await harness.dispatcher.dispatch('ca-file:choose', { purpose: 'health' });
    expect([chosen, closed, titles]).toEqual([
      {
        ok: true,
        value: {
          chosen: true,
          file: { id: expect.any(String), name: 'contoso-root.cer', subject: 'CN=Contoso Root CA', expiresAt: expect.stringMatching(/^\d{4}-/) },
        },
      },
      { ok: true, value: { chosen: false } },
      [expect.stringContaining('domain controllers'), expect.stringContaining('HTTPS certificate')],
    ]);
    expect(JSON.stringify(chosen)).not.toContain(folder);
  });

  it('refuses /dev/zero, a FIFO, a folder, a big file, a missing file and /etc/shadow with one message, at once', async () => {
    const files = ['/dev/zero', path.join(folder, 'pipe.pem'), folder, path.join(folder, 'big.pem'), path.join(folder, 'missing.pem'), '/etc/shadow'];
    const harness = createTestConsole({ chooseCaFile: () => Promise.resolve(files.shift()) });
    const answers = [];
    for (let index = 0; index < 6; index += 1) answers.push(await harness.dispatcher.dispatch('ca-file:choose', { purpose: 'directory' }));
    expect(answers).toEqual(Array.from({ length: 6 }, () => REFUSED));
  });

  it('answers NOT_AVAILABLE where the console has no file picker', async () => {
    const result = await createTestConsole().dispatcher.dispatch('ca-file:choose', { purpose: 'directory' });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_AVAILABLE' }) });
  });

  it('refuses a sign-in that names a CA file by path, or by an id main does not hold, without connecting', async () => {
    const harness = createTestConsole();
    const byPath = await harness.signIn({
      directory: { mode: 'server', serverUrl: 'ldaps://dc1.corp.contoso.test', transport: 'ldaps', caFile: '/etc/shadow' } as never,
    });
    const byUnknownId = await harness.signIn({
      directory: { mode: 'server', serverUrl: 'ldaps://dc1.corp.contoso.test', transport: 'ldaps', caFileId: crypto.randomUUID() },
    });
    expect([byPath, byUnknownId]).toEqual([
      { ok: false, error: expect.objectContaining({ code: 'INVALID_REQUEST' }) },
      { ok: false, error: expect.objectContaining({ code: 'CA_FILE_NOT_HELD' }) },
    ]);
    expect([harness.connector.calls, harness.connectOptions]).toEqual([[], []]);
  });

  it("sends a remembered CA file as an id and name, reads main's path when it is used, and remembers the path again", async () => {
    const profiles = createMemoryProfileStore({ ...TEST_DEFAULTS, directory: { ...TEST_DEFAULTS.directory, caFile } });
    const harness = createTestConsole({ profiles });
    const defaults = await harness.dispatcher.dispatch('console:get-defaults', {});
    const held = (defaults as { ok: true; value: { directory: { caFile: { id: string; name: string } } } }).value.directory.caFile;
    const signedIn = await harness.signIn({ directory: { mode: 'server', serverUrl: 'ldaps://dc1.corp.contoso.test', transport: 'ldaps', caFileId: held.id } });
    expect([
      held,
      JSON.stringify(defaults).includes(folder),
      signedIn.ok,
      harness.connectOptions[0]?.caPem?.startsWith('-----BEGIN CERTIFICATE-----'),
      profiles.remembered[0]?.directory.caFile,
    ]).toEqual([{ id: expect.any(String), name: 'contoso-root.cer' }, false, true, true, caFile]);
  });
});
