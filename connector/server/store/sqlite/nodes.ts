import type { DatabaseSync } from 'node:sqlite';
import type { NodeRegistration } from '../config-store.ts';
import { nodeFrom, type RegisteredNode } from '../rows.ts';
import { isoTime } from '../stored-values.ts';

/** Insert or refresh `node` and stamp its heartbeat: a restarted node keeps its id and updates the rest. */
export function upsertNode(database: DatabaseSync, node: NodeRegistration, at: string): void {
  database
    .prepare(
      `INSERT INTO nodes (id, name, version, url, tls, started_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, version = excluded.version, url = excluded.url, tls = excluded.tls,
         started_at = excluded.started_at, last_seen_at = excluded.last_seen_at`,
    )
    .run(
      node.id,
      node.name,
      node.version,
      node.url,
      node.tls ? 1 : 0,
      isoTime(node.startedAt, 'The start time of the node'),
      isoTime(at, 'The time of the heartbeat'),
    );
}

/** Every node that ever sent a heartbeat, by name (id breaks ties, so the order is stable). */
export function readNodes(database: DatabaseSync): RegisteredNode[] {
  return database.prepare('SELECT id, name, version, url, tls, started_at, last_seen_at FROM nodes ORDER BY name, id').all().map(nodeFrom);
}
