import { X509Certificate, createPrivateKey } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import * as tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { createCertificateAuthority, issueServerCertificate } from './issue-certificates.ts';

async function handshake(options: { cert: string; key: string; ca: string; servername: string }): Promise<string> {
  const server = tls.createServer({ cert: options.cert, key: options.key }, (socket) => socket.end('hello'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  try {
    const socket = tls.connect({ host: '127.0.0.1', port, ca: options.ca, servername: options.servername });
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.once('end', resolve);
    });
    return received;
  } finally {
    server.close();
  }
}

describe('issue-certificates', () => {
  it('creates a CA whose certificate is self-signed, a CA, and matches its key', async () => {
    const ca = await createCertificateAuthority({ commonName: 'Contoso Demo CA' });
    const certificate = new X509Certificate(ca.certPem);
    expect(ca.commonName).toBe('Contoso Demo CA');
    expect(certificate.subject).toBe('CN=Contoso Demo CA');
    expect(certificate.issuer).toBe('CN=Contoso Demo CA');
    expect(certificate.ca).toBe(true);
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.checkPrivateKey(createPrivateKey(ca.keyPem))).toBe(true);
  });

  it('issues a server certificate with SAN, validity and the CA as issuer', async () => {
    const notBefore = new Date('2030-01-01T00:00:00Z');
    const notAfter = new Date('2031-01-01T00:00:00Z');
    const ca = await createCertificateAuthority({ commonName: 'Test CA' });
    const issued = await issueServerCertificate(ca, {
      commonName: 'dc01.corp.contoso.test',
      dnsNames: ['corp.contoso.test'],
      ipAddresses: ['127.0.0.1'],
      notBefore,
      notAfter,
      crlDistributionPoints: ['http://127.0.0.1:9/ca.crl'],
    });
    const certificate = new X509Certificate(issued.certPem);
    const caCertificate = new X509Certificate(ca.certPem);
    expect(certificate.subject).toBe('CN=dc01.corp.contoso.test');
    expect(certificate.issuer).toBe('CN=Test CA');
    expect(certificate.ca).toBe(false);
    expect(certificate.subjectAltName).toBe('DNS:dc01.corp.contoso.test, DNS:corp.contoso.test, IP Address:127.0.0.1');
    expect(new Date(certificate.validFrom).getTime()).toBe(notBefore.getTime());
    expect(new Date(certificate.validTo).getTime()).toBe(notAfter.getTime());
    expect(certificate.keyUsage).toContain('1.3.6.1.5.5.7.3.1');
    expect(certificate.verify(caCertificate.publicKey)).toBe(true);
    expect(certificate.checkIssued(caCertificate)).toBe(true);
    expect(certificate.checkPrivateKey(createPrivateKey(issued.keyPem))).toBe(true);
    expect(certificate.checkHost('dc01.corp.contoso.test')).toBe('dc01.corp.contoso.test');
    expect(certificate.checkIP('127.0.0.1')).toBe('127.0.0.1');
  });

  it('does not verify against another CA', async () => {
    const ca = await createCertificateAuthority({ commonName: 'Right CA' });
    const other = await createCertificateAuthority({ commonName: 'Wrong CA' });
    const issued = await issueServerCertificate(ca, { commonName: 'server.test' });
    expect(new X509Certificate(issued.certPem).verify(new X509Certificate(other.certPem).publicKey)).toBe(false);
  });

  it('completes a real TLS handshake on loopback, and a client trusting another CA refuses it', async () => {
    const ca = await createCertificateAuthority({ commonName: 'Handshake CA' });
    const issued = await issueServerCertificate(ca, { commonName: 'dc01.corp.contoso.test', ipAddresses: ['127.0.0.1'] });
    const received = await handshake({ cert: issued.certPem, key: issued.keyPem, ca: ca.certPem, servername: 'dc01.corp.contoso.test' });
    expect(received).toBe('hello');
    const other = await createCertificateAuthority({ commonName: 'Other CA' });
    await expect(handshake({ cert: issued.certPem, key: issued.keyPem, ca: other.certPem, servername: 'dc01.corp.contoso.test' })).rejects.toMatchObject({
      code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    });
    await expect(handshake({ cert: issued.certPem, key: issued.keyPem, ca: ca.certPem, servername: 'other.contoso.test' })).rejects.toMatchObject({
      code: 'ERR_TLS_CERT_ALTNAME_INVALID',
    });
  });

  it('refuses an empty common name with a message that says what to change', async () => {
    await expect(createCertificateAuthority({ commonName: ' ' })).rejects.toThrow(/common name/);
  });
});
