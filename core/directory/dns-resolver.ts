import { randomInt } from 'node:crypto';
import dgram from 'node:dgram';
import { getServers } from 'node:dns';
import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { DiscoveryResolver } from './connect-directory.ts';
import { decodeDnsResponse, DNS_TYPE, encodeDnsQuery } from './dns-message.ts';

const QUERY_TIMEOUT_MS = 3000;

/**
 * A resolver for domain-controller discovery, against given DNS servers or the system's.
 *
 * SRV lookups go through Node's resolver first; when it refuses the answer as malformed
 * (EBADRESP: Samba's DNS compresses SRV targets, which newer c-ares rejects), the same query
 * is sent again over UDP and decoded by {@link decodeDnsResponse}, which accepts it.
 */
export function createDiscoveryResolver(servers: readonly string[] = []): DiscoveryResolver {
  const resolver = new Resolver({ timeout: QUERY_TIMEOUT_MS, tries: 2 });
  if (servers.length > 0) resolver.setServers([...servers]);
  const targets = () => (servers.length > 0 ? servers : getServers()).map(parseServer);
  return {
    async resolveSrv(name) {
      try {
        return await resolver.resolveSrv(name);
      } catch (error) {
        if (!isBadResponse(error)) throw error;
        return firstAnswer(targets(), name, DNS_TYPE.SRV, (answer) => answer.srv);
      }
    },
    resolve4: (name) => resolver.resolve4(name),
  };
}

function isBadResponse(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'EBADRESP';
}

async function firstAnswer<T>(
  targets: readonly { host: string; port: number }[],
  name: string,
  type: number,
  pick: (answer: ReturnType<typeof decodeDnsResponse>[number]) => T | undefined,
): Promise<T[]> {
  let lastError: unknown = new Error('No DNS server is configured.');
  for (const target of targets) {
    try {
      const answers = await queryUdp(target, name, type);
      return answers.flatMap((answer) => pick(answer) ?? []);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

function queryUdp(target: { host: string; port: number }, name: string, type: number): Promise<ReturnType<typeof decodeDnsResponse>> {
  const id = randomInt(0, 0x10000);
  const socket = dgram.createSocket(isIP(target.host) === 6 ? 'udp6' : 'udp4');
  return new Promise((resolve, reject) => {
    const finish = (action: () => void) => {
      clearTimeout(timer);
      socket.close();
      action();
    };
    const timer = setTimeout(() => {
      finish(() => {
        reject(Object.assign(new Error(`DNS query for ${name} timed out`), { code: 'ETIMEOUT' }));
      });
    }, QUERY_TIMEOUT_MS);
    socket.on('error', (error) => {
      finish(() => {
        reject(error);
      });
    });
    socket.on('message', (message, sender) => {
      if (sender.address !== target.host && isIP(target.host) !== 0) return;
      try {
        const answers = decodeDnsResponse(message, id);
        finish(() => {
          resolve(answers);
        });
      } catch (error) {
        finish(() => {
          reject(error instanceof Error ? error : new Error(String(error)));
        });
      }
    });
    socket.send(encodeDnsQuery(id, name, type), target.port, target.host);
  });
}

/** `1.2.3.4`, `1.2.3.4:5353`, `[::1]:53` or `::1` → host and port. */
export function parseServer(server: string): { host: string; port: number } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(server);
  if (bracketed?.[1]) return { host: bracketed[1], port: Number(bracketed[2] ?? 53) };
  if (isIP(server) === 6) return { host: server, port: 53 };
  const [host = server, port = '53'] = server.split(':');
  return { host, port: Number(port) };
}
