import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import {
  AndFilter,
  Attribute,
  Change,
  Client,
  EqualityFilter,
  InsufficientAccessError,
  InvalidDNSyntaxError,
  NoSuchObjectError,
  SizeLimitExceededError,
} from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sidToBuffer } from '../../../core/directory/sid.ts';
import { connectDirectory } from '../../../core/directory/index.ts';
import { IDENTITY_FILE } from './demo-identity.ts';
import { startDemoDirectory, type DemoDirectory } from './index.ts';

const BASE = 'DC=corp,DC=contoso,DC=test';

/** Send raw bytes over TLS and collect what comes back until the server answers or closes. */
async function rawExchange(demo: DemoDirectory, payload: Buffer, waitMs = 400): Promise<{ reply: Buffer; closed: boolean }> {
  const port = Number(new URL(demo.url).port);
  const socket = tls.connect({ host: '127.0.0.1', port, ca: readFileSync(demo.caFile, 'utf8'), servername: demo.serverName });
  await new Promise<void>((resolve, reject) => socket.once('secureConnect', resolve).once('error', reject));
  const chunks: Buffer[] = [];
  let closed = false;
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('close', () => (closed = true));
  socket.on('error', () => undefined);
  socket.write(payload);
  await new Promise((resolve) => setTimeout(resolve, waitMs));
  socket.destroy();
  return { reply: Buffer.concat(chunks), closed };
}

describe('the demo directory', () => {
  let folder: string;
  let demo: DemoDirectory;
  let admin: Client;

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'rmsadmin-demo-'));
    demo = await startDemoDirectory({ folder, bulkUsers: 1200 });
    admin = new Client({ url: demo.url, tlsOptions: { ca: readFileSync(demo.caFile, 'utf8'), servername: demo.serverName } });
    await admin.bind(demo.administrator.user, demo.administrator.password);
  });
  afterAll(async () => {
    await admin.unbind();
    await demo.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('serves LDAPS on loopback with a certificate for its server name, and keeps secrets 0600', () => {
    const certificate = new X509Certificate(readFileSync(path.join(folder, 'directory-cert.pem')));
    expect({
      url: /^ldaps:\/\/127\.0\.0\.1:\d+$/.test(demo.url),
      name: certificate.checkHost(demo.serverName),
      modes: ['directory-key.pem', 'ca-key.pem', IDENTITY_FILE].map((file) => (statSync(path.join(folder, file)).mode & 0o777).toString(8)),
    }).toEqual({ url: true, name: 'dc1.corp.contoso.test', modes: ['600', '600', '600'] });
  });

  it('keeps the domain SID, object GUIDs and administrator password across restarts from the same folder', async () => {
    const before = await connectDirectory({
      url: demo.url,
      caFile: demo.caFile,
      serverName: demo.serverName,
      user: demo.administrator.user,
      password: demo.administrator.password,
    });
    const [alice] = await before.resolveNames(['alice']);
    await before.close();
    const again = await startDemoDirectory({ folder, bulkUsers: 10 });
    try {
      const after = await connectDirectory({
        url: again.url,
        caFile: again.caFile,
        serverName: again.serverName,
        user: again.administrator.user,
        password: again.administrator.password,
      });
      const [aliceAgain] = await after.resolveNames(['alice']);
      await after.close();
      expect([after.domain.domainSid, aliceAgain, again.administrator.password]).toEqual([before.domain.domainSid, alice, demo.administrator.password]);
    } finally {
      await again.close();
    }
  });

  it('caps an unpaged search at 1,000 entries with sizeLimitExceeded, as AD does', async () => {
    await expect(admin.search(`OU=Bulk Users,OU=Contoso,${BASE}`, { scope: 'one', filter: '(objectClass=user)', attributes: ['cn'] })).rejects.toBeInstanceOf(
      SizeLimitExceededError,
    );
  });

  it('never returns more than 1,000 entries in one page, whatever page size is asked for', async () => {
    const pages: number[] = [];
    const paginator = admin.searchPaginated(`OU=Bulk Users,OU=Contoso,${BASE}`, {
      scope: 'one',
      filter: '(objectClass=user)',
      attributes: ['cn'],
      paged: { pageSize: 5000 },
    });
    for await (const page of paginator) pages.push(page.searchEntries.length);
    expect(pages).toEqual([1000, 200]);
  });

  it('finds objects by binary SID filter, by SID string filter and by <SID=…> and <GUID=…> bases', async () => {
    const {
      searchEntries: [alice],
    } = await admin.search(BASE, {
      filter: '(sAMAccountName=alice)',
      attributes: ['objectSid', 'objectGUID'],
      explicitBufferAttributes: ['objectSid', 'objectGUID'],
    });
    const sid = alice?.['objectSid'] as Buffer;
    const guid = alice?.['objectGUID'] as Buffer;
    const binary = await admin.search(BASE, {
      filter: new AndFilter({ filters: [new EqualityFilter({ attribute: 'objectSid', value: sid })] }),
      attributes: ['sAMAccountName'],
    });
    const bySidBase = await admin.search(`<SID=${sid.toString('hex')}>`, { scope: 'base', attributes: ['sAMAccountName'] });
    const byGuidBase = await admin.search(`<GUID=${guid.toString('hex')}>`, { scope: 'base', attributes: ['sAMAccountName'] });
    expect([binary, bySidBase, byGuidBase].map((result) => result.searchEntries.map((entry) => entry['sAMAccountName']))).toEqual([
      ['alice'],
      ['alice'],
      ['alice'],
    ]);
    expect(sid.equals(sidToBuffer('S-1-5-32-545'))).toBe(false);
  });

  it('refuses every write with insufficientAccessRights and changes nothing', async () => {
    const dn = `CN=Alice Anders,OU=People,OU=Contoso,${BASE}`;
    await expect(
      admin.modify(dn, [new Change({ operation: 'replace', modification: new Attribute({ type: 'description', values: ['changed'] }) })]),
    ).rejects.toBeInstanceOf(InsufficientAccessError);
    await expect(admin.add(`CN=New,OU=People,OU=Contoso,${BASE}`, { objectClass: ['top', 'group'] })).rejects.toBeInstanceOf(InsufficientAccessError);
    await expect(admin.del(dn)).rejects.toBeInstanceOf(InsufficientAccessError);
    const { searchEntries } = await admin.search(dn, { scope: 'base', attributes: ['description'] });
    expect(searchEntries[0]?.['description'] ?? []).toEqual([]);
  });

  it('answers a bad base with invalidDNSyntax or noSuchObject and keeps the connection', async () => {
    await expect(admin.search('CN=a=b=c,,', { scope: 'base' })).rejects.toBeInstanceOf(InvalidDNSyntaxError);
    await expect(admin.search(`OU=Missing,${BASE}`, { scope: 'base' })).rejects.toBeInstanceOf(NoSuchObjectError);
    await expect(admin.search(`CN=x,OU=People,OU=Contoso,${BASE})(objectClass=*`, { scope: 'base' })).rejects.toThrow();
    const { searchEntries } = await admin.search(BASE, { scope: 'base', attributes: ['name'] });
    expect(searchEntries[0]?.['name']).toEqual('corp');
  });

  it('answers malformed and hostile filters with an LDAP error and keeps serving', async () => {
    const deep = `${'(&'.repeat(200)}(cn=x)${')'.repeat(200)}`;
    await expect(admin.search(BASE, { filter: deep })).rejects.toThrow();
    await expect(admin.search(BASE, { filter: '(cn:9.9.9:=x)' })).rejects.toThrow(/matching rule/);
    const garbage = await admin.search(BASE, { filter: new EqualityFilter({ attribute: 'cn', value: Buffer.from([0xff, 0xfe, 0x00, 0x80]) }) });
    expect(garbage.searchEntries).toEqual([]);
    const { searchEntries } = await admin.search(BASE, { filter: '(sAMAccountName=bob)', attributes: ['sAMAccountName'] });
    expect(searchEntries.map((entry) => entry['sAMAccountName'])).toEqual(['bob']);
  });

  it('answers an unparseable request with protocolError and a stream of garbage with a Notice of Disconnection', async () => {
    // LDAPMessage { id 7, SearchRequest with a truncated body }: the id is readable, the request is not.
    const broken = await rawExchange(demo, Buffer.from([0x30, 0x08, 0x02, 0x01, 0x07, 0x63, 0x03, 0x04, 0x01, 0x41]));
    expect([broken.reply[0], broken.reply.includes(Buffer.from([0x65])), broken.reply.includes(Buffer.from([0x0a, 0x01, 0x02]))]).toEqual([0x30, true, true]);
    const noise = await rawExchange(demo, Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    expect([noise.reply.includes(Buffer.from('1.3.6.1.4.1.1466.20036', 'latin1')), noise.closed]).toEqual([true, true]);
    const huge = await rawExchange(demo, Buffer.from([0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x02]));
    expect(huge.reply.includes(Buffer.from('1.3.6.1.4.1.1466.20036', 'latin1'))).toBe(true);
    const { searchEntries } = await admin.search(BASE, { scope: 'base', attributes: ['name'] });
    expect(searchEntries.length).toEqual(1);
  });

  it('refuses searches before a bind, except the rootDSE', async () => {
    const anonymous = new Client({ url: demo.url, tlsOptions: { ca: readFileSync(demo.caFile, 'utf8'), servername: demo.serverName } });
    try {
      const rootDse = await anonymous.search('', { scope: 'base', attributes: ['defaultNamingContext'] });
      expect(rootDse.searchEntries[0]?.['defaultNamingContext']).toEqual(BASE);
      await expect(anonymous.search(BASE, { filter: '(objectClass=*)' })).rejects.toThrow(/successful bind/);
    } finally {
      await anonymous.unbind();
    }
  });

  it('returns attributes requested in any casing, in AD spelling, and never a password', async () => {
    const { searchEntries } = await admin.search(BASE, { filter: '(samaccountname=bind.ok)', attributes: ['SAMACCOUNTNAME', 'useraccountcontrol'] });
    const { searchEntries: all } = await admin.search(BASE, { filter: '(sAMAccountName=bind.ok)', attributes: ['*'] });
    expect([Object.keys(searchEntries[0] ?? {}).sort(), JSON.stringify(all).includes('Seed-Passw0rd!')]).toEqual([
      ['dn', 'sAMAccountName', 'userAccountControl'],
      false,
    ]);
  });
});
