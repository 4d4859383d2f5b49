import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { z } from 'zod';

declare module 'vitest' {
  // Vitest's provide/inject typing is an interface meant to be merged; a type alias cannot be.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    kerberosRealm: string;
  }
}

const execFileAsync = promisify(execFile);

const TestRealmSchema = z.object({
  realm: z.string(),
  ldapServicePrincipal: z.string(),
  httpServicePrincipal: z.string(),
  serviceAccount: z.string(),
  krb5Config: z.string(),
  keytab: z.string(),
});

/** The test domain's realm as the integration global setup published it (e2e/ad/kerberos-realm.ts). */
export type TestRealm = z.infer<typeof TestRealmSchema>;

/** The realm of the Samba test DC: principals, its krb5.conf and the HTTP principal's keytab. */
export function testRealm(): TestRealm {
  return TestRealmSchema.parse(JSON.parse(inject('kerberosRealm')));
}

/**
 * Point this test process's Kerberos library at the test realm and at `credentialCache`.
 *
 * MIT krb5 reads these variables at each call; Vitest runs every test file in a process of its
 * own, so a file may change them between tests without touching another file.
 */
export function useKerberosEnvironment(credentialCache: string, extra: Readonly<Record<string, string>> = {}): void {
  const realm = testRealm();
  Object.assign(process.env, { KRB5_CONFIG: realm.krb5Config, KRB5CCNAME: `FILE:${credentialCache}`, ...extra });
}

/** `kinit account@REALM` into `credentialCache`, the password on standard input; `lifetime` as kinit's -l (e.g. '5s'). */
export async function kinitAs(
  account: string,
  password: string,
  credentialCache: string,
  options: { readonly lifetime?: string; readonly krb5Config?: string } = {},
): Promise<void> {
  const realm = testRealm();
  const child = execFileAsync('kinit', [...(options.lifetime ? ['-l', options.lifetime] : []), `${account}@${realm.realm}`], {
    env: { ...process.env, KRB5_CONFIG: options.krb5Config ?? realm.krb5Config, KRB5CCNAME: `FILE:${credentialCache}` },
    timeout: 30_000,
  });
  child.child.stdin?.end(`${password}\n`);
  await child;
}

/** A copy of the realm's krb5.conf whose KDC is `kdc` (a closed port: an unreachable KDC). */
export async function krb5ConfigWithKdc(kdc: string, file: string): Promise<string> {
  const text = await readFile(testRealm().krb5Config, 'utf8');
  await writeFile(file, text.replace(/kdc = \S+/g, `kdc = ${kdc}`));
  return file;
}

/**
 * Shift the time this credential cache's owner tells the KDC by `seconds`: a client whose clock is
 * off. MIT krb5 keeps the KDC's time offset in the cache header (tag 1, "DeltaTime", used when
 * kdc_timesync is on, the default) and adds it to every timestamp it sends; the KDC then refuses
 * the next ticket request with "Clock skew too great", as it does for a workstation an hour off.
 * (faketime cannot do it: the kerberos package loads GSS-API with dlopen, out of LD_PRELOAD's reach.)
 */
export async function skewCredentialCache(credentialCache: string, seconds: number): Promise<void> {
  const data = await readFile(credentialCache);
  if (data.readUInt16BE(0) !== 0x0504) throw new Error(`${credentialCache} is not a version 4 credential cache.`);
  const headerLength = data.readUInt16BE(2);
  const header = Buffer.alloc(12);
  header.writeUInt16BE(1, 0);
  header.writeUInt16BE(8, 2);
  header.writeInt32BE(seconds, 4);
  header.writeInt32BE(0, 8);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(header.length);
  await writeFile(credentialCache, Buffer.concat([data.subarray(0, 2), length, header, data.subarray(4 + headerLength)]));
}
