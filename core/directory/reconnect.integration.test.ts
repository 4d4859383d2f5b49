import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { connectDirectory } from './directory-service.ts';
import { adConnectOptions } from './testing/ad-test-connection.ts';
import { startTcpProxy, type TcpProxy } from './testing/tcp-proxy.ts';

const TLS_HANDSHAKE = 0x16;
const STARTTLS_OID = '1.3.6.1.4.1.1466.20037';

describe('a connection that drops mid-session', () => {
  let proxy: TcpProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
  });

  it('comes back over LDAPS, bound, and the next request succeeds', async () => {
    proxy = await startTcpProxy(636);
    const directory = await connectDirectory(adConnectOptions({ url: `ldaps://127.0.0.1:${proxy.port}` }));
    proxy.dropAll();
    const [resolution] = await directory.resolveNames(['bind.ok']);
    await directory.close();
    expect([resolution?.status, proxy.firstBytes.length, proxy.firstBytes.every((bytes) => bytes[0] === TLS_HANDSHAKE)]).toEqual(['resolved', 2, true]);
  });

  it('redoes StartTLS before anything else on the new connection', async () => {
    proxy = await startTcpProxy(389);
    const directory = await connectDirectory(adConnectOptions({ url: `ldap://127.0.0.1:${proxy.port}`, transport: 'starttls' }));
    proxy.dropAll();
    await delay(200); // the admin's next action comes after the drop, not in the same tick
    const [resolution] = await directory.resolveNames(['bind.ok']);
    await directory.close();
    const firstRequests = proxy.firstBytes.map((bytes) => bytes.toString('latin1').includes(STARTTLS_OID));
    expect([resolution?.status, firstRequests]).toEqual(['resolved', [true, true]]);
  });
});
