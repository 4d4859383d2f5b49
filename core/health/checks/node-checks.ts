import type { HealthContext } from '../health-context.ts';
import type { HealthCheckDefinition } from '../health-runner.ts';
import { fail, humanDuration, notRunOutcome, pass, quoted, warn } from './outcomes.ts';

/** At least two connector nodes alive: one node is a single point of failure for every server. */
export const nodesAtLeastTwo: HealthCheckDefinition<HealthContext> = {
  code: 'NODES_AT_LEAST_TWO',
  title: 'At least two connector nodes are running',
  dependsOn: [],
  async run(context) {
    const read = await context.nodes();
    if (!read.ok) return notRunOutcome(read.reason);
    const alive = read.value.nodes.filter((node) => node.alive);
    const names = alive.map((node) => quoted(node.name)).join(', ');
    const measured = `${String(alive.length)} of ${String(read.value.nodes.length)} registered node(s) alive${names ? `: ${names}` : ''}.`;
    if (alive.length === 0)
      return fail(measured, 'Start the connector service on the connector servers; until one runs, every Exchange, SharePoint and file server request fails.');
    if (alive.length === 1)
      return warn(
        measured,
        'Install the connector on a second server and add it to the load balancer: with one node, its restart or failure stops protection for every configured server.',
      );
    return pass(measured);
  },
};

/** Every registered node heartbeats, by the service's own rule (three missed heartbeats). */
export const nodeHeartbeatRecent: HealthCheckDefinition<HealthContext> = {
  code: 'NODE_HEARTBEAT_RECENT',
  title: 'Every connector node sends heartbeats',
  dependsOn: [],
  async run(context) {
    const read = await context.nodes();
    if (!read.ok) return notRunOutcome(read.reason);
    const { nodes, heartbeatSeconds } = read.value;
    if (nodes.length === 0) return notRunOutcome('No connector node has registered with the service yet.');
    const now = context.now().getTime();
    const limit = `limit ${humanDuration(3 * heartbeatSeconds * 1000)}: three missed heartbeats of ${String(heartbeatSeconds)} s`;
    const lines = nodes.map(
      (node) => `${quoted(node.name)} last heartbeat ${humanDuration(now - Date.parse(node.lastSeenAt))} ago${node.alive ? '' : ' (stopped)'}`,
    );
    const stopped = nodes.filter((node) => !node.alive);
    const measured = `${lines.join('; ')} (${limit}).`;
    if (stopped.length === 0) return pass(measured);
    const names = stopped.map((node) => quoted(node.name)).join(', ');
    return fail(
      measured,
      `Start the connector service on ${names}, or take it out of the load balancer: requests sent to a stopped node fail. A node that was retired stays listed until its record is removed from the service.`,
    );
  },
};
