import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderHaproxyConfig, type LoadBalancerLayout } from './haproxy-config.ts';

/** A running HAProxy in front of connector nodes. */
export type LoadBalancer = {
  readonly url: string;
  /** Each node's state as HAProxy holds it: UP, DOWN, or a transition (`UP 1/2`…). */
  nodeStates(): Promise<Record<string, string>>;
  /** Wait until every named node is in `state` (HAProxy's health checks decided). */
  waitFor(state: 'UP' | 'DOWN', names: readonly string[], timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Write the configuration to `folder`, check it (`haproxy -c`), and run HAProxy in the foreground.
 *
 * A configuration HAProxy refuses fails here with HAProxy's own words, not as a test timeout.
 */
export async function startLoadBalancer(folder: string, layout: LoadBalancerLayout): Promise<LoadBalancer> {
  const file = path.join(folder, 'haproxy.cfg');
  await writeFile(file, renderHaproxyConfig(layout));
  const check = spawnSync('haproxy', ['-c', '-q', '-f', file], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`haproxy refused ${file}: ${check.stderr || check.stdout}`);
  const child: ChildProcess = spawn('haproxy', ['-f', file, '-db'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = `${stderr}${chunk.toString('utf8')}`.slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const nodeStates = async (): Promise<Record<string, string>> => {
    const response = await fetch(`http://127.0.0.1:${String(layout.statsPort)}/stats;csv`);
    const [header = '', ...rows] = (await response.text()).split('\n');
    const columns = header.replace(/^# /, '').split(',');
    const [proxy, server, status] = ['pxname', 'svname', 'status'].map((name) => columns.indexOf(name));
    const states: Record<string, string> = {};
    for (const row of rows) {
      const cells = row.split(',');
      const name = cells[server ?? -1];
      if (cells[proxy ?? -1] === 'connector_nodes' && name !== undefined && name !== 'BACKEND') states[name] = cells[status ?? -1] ?? '';
    }
    return states;
  };
  const balancer: LoadBalancer = {
    url: `${layout.tls ? 'https' : 'http'}://127.0.0.1:${String(layout.listenPort)}`,
    nodeStates,
    async waitFor(state, names, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const states: Record<string, string> = await nodeStates().catch(() => ({}));
        if (names.every((name) => states[name] === state)) return;
        if (Date.now() > deadline)
          throw new Error(`HAProxy did not see ${names.join(', ')} ${state} within ${String(timeoutMs)} ms: ${JSON.stringify(states)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  try {
    await balancer.waitFor(
      'UP',
      layout.nodes.map((node) => node.name),
    );
  } catch (error) {
    await balancer.stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nhaproxy said: ${stderr}`, { cause: error });
  }
  return balancer;
}
