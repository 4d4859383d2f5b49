import type { NodeRegistration } from '../config-store.ts';
import { NODE_COLUMNS, nodeFrom, type RegisteredNode } from '../rows.ts';
import { isoTime } from '../stored-values.ts';
import type { Transaction } from './database.ts';

/** Insert or refresh `node` and stamp its heartbeat: a restarted node keeps its id and updates the rest. */
export async function upsertNode(transaction: Transaction, node: NodeRegistration, at: string): Promise<void> {
  const startedAt = isoTime(node.startedAt, 'The start time of the node');
  const lastSeenAt = isoTime(at, 'The time of the heartbeat');
  await transaction`
    INSERT INTO nodes (id, name, version, url, tls, started_at, last_seen_at)
    VALUES (${node.id}, ${node.name}, ${node.version}, ${node.url}, ${node.tls}, ${startedAt}, ${lastSeenAt})
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, version = excluded.version, url = excluded.url, tls = excluded.tls,
      started_at = excluded.started_at, last_seen_at = excluded.last_seen_at`;
}

/** Every node that ever sent a heartbeat, by name (id breaks ties, so the order is stable). */
export async function readNodes(transaction: Transaction): Promise<RegisteredNode[]> {
  const rows = await transaction`SELECT ${transaction.unsafe(NODE_COLUMNS)} FROM nodes ORDER BY name COLLATE "C", id COLLATE "C"`;
  return rows.map(nodeFrom);
}
