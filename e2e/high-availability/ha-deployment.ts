import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runServiceCli, serviceEnvironment, startServeProcess, type ServeProcess } from '../../connector/cli/testing/service-process.ts';
import { startLoadBalancer, type LoadBalancer } from '../haproxy/load-balancer.ts';
import { freePort } from './free-port.ts';
import { issueDeploymentTls, type DeploymentTls } from './ha-tls.ts';

/** One connector node process of the deployment. */
export type HaNode = { readonly name: string; readonly port: number; readonly process: ServeProcess };

/** Connector nodes on one PostgreSQL database behind HAProxy, as the seeds deploy them. */
export type HaDeployment = {
  /** The connector URL clients use: the balancer. */
  readonly url: string;
  readonly tls: DeploymentTls;
  readonly nodes: readonly HaNode[];
  readonly balancer: LoadBalancer;
  /** The `CONNECTOR_*` environment the nodes run with (for `rms-connector-service` commands). */
  readonly env: Record<string, string>;
  /** SIGKILL one node, as a crash or a pulled plug would stop it. */
  killNode(name: string): Promise<void>;
  stop(): Promise<void>;
};

/** Where the deployment's database is: a multi-host URL without password, and the password. */
export type HaDatabase = { readonly url: string; readonly password: string };

/**
 * Start `nodeCount` real `rms-connector-service serve` processes over TLS on one database, grant
 * `administrator` the ConnectorAdministrator role, and put HAProxy in front of them.
 *
 * Health checks every 300 ms, two failures take a node out: a test sees HAProxy react within a
 * second, where production timings (docs/high-availability.md) take a few.
 */
export async function startHaDeployment(database: HaDatabase, options: { nodeCount: number; administrator: string }): Promise<HaDeployment> {
  const folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-ha-'));
  const tls = await issueDeploymentTls(folder);
  const env = serviceEnvironment(database.url, {
    CONNECTOR_DATABASE_PASSWORD: database.password,
    CONNECTOR_TLS_CERT: tls.certFile,
    CONNECTOR_TLS_KEY: tls.keyFile,
    CONNECTOR_TRUSTED_PROXIES: '127.0.0.1',
    CONNECTOR_LOG_LEVEL: 'error',
  });
  const granted = runServiceCli(['admins', 'add', '--user', options.administrator, '--role', 'ConnectorAdministrator'], env);
  if (granted.status !== 0) throw new Error(`Granting ${options.administrator} failed: ${granted.stderr}`);
  const nodes: HaNode[] = [];
  try {
    for (let index = 1; index <= options.nodeCount; index += 1) {
      const name = `RMSCON0${String(index)}`;
      const port = await freePort();
      const process = await startServeProcess(
        { ...env, CONNECTOR_NODE_NAME: name, CONNECTOR_PUBLIC_URL: `https://127.0.0.1:${String(port)}` },
        `127.0.0.1:${String(port)}`,
      );
      nodes.push({ name, port, process });
    }
    const balancer = await startLoadBalancer(folder, {
      listenPort: await freePort(),
      statsPort: await freePort(),
      tls: { certificateAndKeyFile: tls.certificateAndKeyFile, nodeCaFile: tls.caFile, nodeCertificateName: tls.name },
      nodes: nodes.map((node) => ({ name: node.name.toLowerCase(), host: '127.0.0.1', port: node.port })),
      checkIntervalMs: 300,
      failuresBeforeDown: 2,
    });
    const stopNode = async (node: HaNode, signal: NodeJS.Signals) => {
      if (node.process.child.exitCode === null && node.process.child.signalCode === null) node.process.child.kill(signal);
      await node.process.exited;
    };
    return {
      url: balancer.url,
      tls,
      nodes,
      balancer,
      env,
      async killNode(name) {
        const node = nodes.find((candidate) => candidate.name === name);
        if (!node) throw new Error(`No node ${name}.`);
        await stopNode(node, 'SIGKILL');
      },
      async stop() {
        await balancer.stop();
        await Promise.all(nodes.map((node) => stopNode(node, 'SIGTERM')));
        await rm(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    for (const node of nodes) node.process.child.kill('SIGKILL');
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}
