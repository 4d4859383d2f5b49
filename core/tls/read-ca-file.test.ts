import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificateAuthority } from './issue-certificates.ts';
import { CA_FILE_REFUSED_MESSAGE, CaFileError, describeCaFileRefusal, readCaFile } from './read-ca-file.ts';

/** The refusal's message and reason, or what was read. */
async function outcome(file: string, timeoutMs?: number): Promise<unknown> {
  try {
    const read = await readCaFile(file, { timeoutMs });
    return { subjects: read.certificates.map((certificate) => certificate.subject) };
  } catch (error) {
    return error instanceof CaFileError ? { message: error.message, reason: error.reason } : error;
  }
}

describe('read-ca-file', () => {
  let folder: string;
  let caPem: string;
  let socketServer: Server;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'read-ca-file-'));
    caPem = (await createCertificateAuthority({ commonName: 'Contoso Test Root CA' })).certPem;
    await writeFile(path.join(folder, 'root.cer'), caPem);
    await writeFile(
      path.join(folder, 'bundle.pem'),
      `# two roots\n${caPem}\n${(await createCertificateAuthority({ commonName: 'Contoso Second CA' })).certPem}`,
    );
    await symlink(path.join(folder, 'root.cer'), path.join(folder, 'link.pem'));
    await writeFile(path.join(folder, 'huge.pem'), Buffer.alloc(1024 * 1024 + 1, 0x41));
    await writeFile(path.join(folder, 'text.txt'), 'not a certificate\n');
    await writeFile(path.join(folder, 'broken.pem'), '-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----\n');
    await writeFile(path.join(folder, 'secret.pem'), 'root:$6$salt$hash:19000:0:99999:7:::\n', { mode: 0o600 });
    await chmod(path.join(folder, 'secret.pem'), 0o000);
    execFileSync('mkfifo', [path.join(folder, 'pipe.pem')]);
    socketServer = createServer();
    await new Promise<void>((resolve) => socketServer.listen(path.join(folder, 'socket.pem'), resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => socketServer.close(resolve));
    await rm(folder, { recursive: true, force: true });
  });

  it('reads a PEM certificate, a bundle and a link to one, with each certificate summarized', async () => {
    expect([
      await outcome(path.join(folder, 'root.cer')),
      await outcome(path.join(folder, 'bundle.pem')),
      await outcome(path.join(folder, 'link.pem')),
    ]).toEqual([
      { subjects: ['CN=Contoso Test Root CA'] },
      { subjects: ['CN=Contoso Test Root CA', 'CN=Contoso Second CA'] },
      { subjects: ['CN=Contoso Test Root CA'] },
    ]);
  });

  it('answers the certificates alone, without the text around them', async () => {
    const read = await readCaFile(path.join(folder, 'bundle.pem'));
    expect([read.pem.startsWith('-----BEGIN CERTIFICATE-----'), read.pem.includes('# two roots'), read.certificates[0]?.expiresAt]).toEqual([
      true,
      false,
      expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    ]);
  });

  it.each([
    ['/dev/zero (a device stat calls empty)', () => '/dev/zero', 'not-a-file'],
    ['a FIFO nobody writes to', () => path.join(folder, 'pipe.pem'), 'not-a-file'],
    ['a Unix socket (which cannot even be opened)', () => path.join(folder, 'socket.pem'), 'unreadable'],
    ['a folder', () => folder, 'not-a-file'],
    ['a regular file over 1 MiB', () => path.join(folder, 'huge.pem'), 'too-large'],
    ['a missing file', () => path.join(folder, 'missing.pem'), 'unreadable'],
    ['a text file', () => path.join(folder, 'text.txt'), 'not-pem'],
    ['a PEM block that is no certificate', () => path.join(folder, 'broken.pem'), 'not-pem'],
  ])('refuses %s with the one message, for its own reason (not the deadline)', async (_label, file, reason) => {
    // A read that hung or went on reading would end at the 2 s deadline as 'timed-out'.
    expect(await outcome(file(), 2_000)).toEqual({ message: CA_FILE_REFUSED_MESSAGE, reason });
  });

  it('refuses a file this account may not read with the same message as a missing one', async () => {
    // As root the mode does not stop reading, and the file is then no certificate; either way the words are the same.
    const [secret, missing] = [await outcome(path.join(folder, 'secret.pem')), await outcome(path.join(folder, 'missing.pem'))];
    expect([(secret as { message: string }).message, (missing as { message: string }).message]).toEqual([CA_FILE_REFUSED_MESSAGE, CA_FILE_REFUSED_MESSAGE]);
  });

  it('stops when the caller cancels', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(readCaFile(path.join(folder, 'root.cer'), { signal: controller.signal })).rejects.toMatchObject({
      reason: 'timed-out',
      message: CA_FILE_REFUSED_MESSAGE,
    });
  });

  it("names the path and the reason for the admin's own shell", () => {
    expect(describeCaFileRefusal('/dev/zero', new CaFileError('not-a-file'))).toBe(
      'The CA file "/dev/zero" cannot be used: it is not a regular file (a device, pipe, socket or folder). Give a PEM (Base-64 encoded X.509) certificate file of at most 1 MiB.',
    );
  });
});
