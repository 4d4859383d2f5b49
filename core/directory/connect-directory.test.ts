import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDirectorySession } from './connect-directory.ts';

describe('openDirectorySession before the network', () => {
  let server: net.Server;
  let port = 0;
  let connections = 0;

  beforeAll(async () => {
    server = net.createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });

  afterAll(() => {
    server.close();
  });

  it.each([
    ['an empty password', { url: 'ldaps://127.0.0.1:PORT', user: 'admin@corp.contoso.test', password: '' }, 'EMPTY_PASSWORD'],
    ['a plaintext URL', { url: 'ldap://127.0.0.1:PORT', user: 'admin@corp.contoso.test', password: 'pw' }, 'PLAINTEXT_REFUSED'],
    ['a blank bind account', { url: 'ldaps://127.0.0.1:PORT', user: '  ', password: 'pw' }, 'INVALID_INPUT'],
    ['StartTLS on ldaps://', { url: 'ldaps://127.0.0.1:PORT', user: 'u', password: 'pw', transport: 'starttls' as const }, 'INVALID_INPUT'],
  ])('refuses %s without opening a connection', async (_label, options, code) => {
    const before = connections;
    await expect(openDirectorySession({ ...options, url: options.url.replace('PORT', String(port)) })).rejects.toMatchObject({ code });
    expect(connections).toEqual(before);
  });
});
