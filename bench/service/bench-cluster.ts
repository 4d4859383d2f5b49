import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConnectOptions } from '../../core/directory/index.ts';
import { createServiceDirectory } from '../../connector/server/service-directory.ts';
import { startLoopbackNode, type LoopbackNode } from '../../connector/server/testing/loopback-node.ts';
import { startLoadBalancer } from '../../e2e/haproxy/load-balancer.ts';
import { freePort } from '../../e2e/high-availability/free-port.ts';
import type { BenchAccounts } from './bench-accounts.ts';
import { fromMemory, signIn, startBenchNode, type BenchDatabase, type BenchNode } from './bench-node.ts';

/**
 * Three nodes on one PostgreSQL database behind HAProxy (plain HTTP on loopback, like the other
 * targets), seen by the load as one node: the balancer's URL, a token signed in through it.
 *
 * The first node is a {@link startBenchNode} (it grants alice and fills the list); the other two
 * share its database. Adds look accounts up in memory, so the figures show what the balancer and
 * the shared database cost, not LDAP.
 */
export async function startBenchCluster(connection: ConnectOptions, accounts: BenchAccounts, database: BenchDatabase): Promise<BenchNode> {
  const folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-bench-cluster-'));
  const first = await startBenchNode(connection, accounts, 'memory', database);
  const others: LoopbackNode[] = [];
  const close = async () => {
    await Promise.allSettled([first.close(), ...others.map((node) => node.dispose())]);
    await rm(folder, { recursive: true, force: true });
  };
  try {
    for (const name of ['RMSCON-BENCH-PG-2', 'RMSCON-BENCH-PG-3']) {
      others.push(
        await startLoopbackNode({
          directory: connection,
          prefix: 'rmsadmin-bench-service-',
          config: { nodeName: name, tokenLifetimeSeconds: 3_600 },
          dependencies: { directory: fromMemory(createServiceDirectory(connection), accounts) },
          databaseFile: database.setting,
          env: database.env,
        }),
      );
    }
    const nodes = [first.url, ...others.map((node) => node.url)].map((url, index) => ({
      name: `node${String(index + 1)}`,
      host: '127.0.0.1',
      port: Number(new URL(url).port),
    }));
    const balancer = await startLoadBalancer(folder, {
      listenPort: await freePort(),
      statsPort: await freePort(),
      nodes,
      checkIntervalMs: 1_000,
      failuresBeforeDown: 3,
    });
    const token = await signIn(balancer.url);
    return {
      ...first,
      url: balancer.url,
      nodeUrls: [first.url, ...others.map((node) => node.url)],
      token,
      async close() {
        await balancer.stop();
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}
