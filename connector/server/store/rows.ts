import { ObjectKindSchema } from '../../../contract/directory.ts';
import { RoleSchema } from '../../../contract/policy.ts';
import {
  AdminRoleSchema,
  AuditActionSchema,
  type AuditRecord,
  type AuthorizedAccount,
  type RoleBasedAdministrator,
} from '../../../contract/connector-api/index.ts';
import type { NodeRegistration } from './config-store.ts';

/** One row as either store's driver returns it (`node:sqlite`, postgres.js): column → value. */
export type Row = Readonly<Record<string, unknown>>;

/**
 * A text column's value.
 *
 * Rows are typed loosely by both drivers; reading through checked accessors turns a damaged
 * database into an error that names the column, not a wrong value passed on.
 */
export function text(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new Error(`Column ${column} holds ${describe(value)}, not text.`);
  return value;
}

/** A nullable text column's value; see {@link text}. */
export function optionalText(row: Row, column: string): string | null {
  return row[column] === null ? null : text(row, column);
}

/** An integer column's value; see {@link text}. */
export function integer(row: Row, column: string): number {
  const value = row[column];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new Error(`Column ${column} holds ${describe(value)}, not an integer.`);
  return value;
}

/** A blob column's value; see {@link text}. */
export function blob(row: Row, column: string): Uint8Array {
  const value = row[column];
  if (!(value instanceof Uint8Array)) throw new Error(`Column ${column} holds ${describe(value)}, not bytes.`);
  return value;
}

/** A nullable JSON text column, parsed; see {@link text}. */
export function json(row: Row, column: string): unknown {
  const value = optionalText(row, column);
  return value === null ? null : JSON.parse(value);
}

/** Columns of `authorized_accounts` in the order {@link authorizedAccountFrom} reads them. */
export const AUTHORIZED_ACCOUNT_COLUMNS = 'id, sid, name, role, kind, added_by, added_at';

/** A row of `authorized_accounts` as the API shape. */
export function authorizedAccountFrom(row: Row): AuthorizedAccount {
  return {
    id: text(row, 'id'),
    sid: text(row, 'sid'),
    name: text(row, 'name'),
    role: RoleSchema.parse(text(row, 'role')),
    kind: ObjectKindSchema.parse(text(row, 'kind')),
    addedBy: text(row, 'added_by'),
    addedAt: text(row, 'added_at'),
  };
}

/** Columns of `administrators` in the order {@link administratorFrom} reads them. */
export const ADMINISTRATOR_COLUMNS = 'sid, name, kind, role, added_by, added_at';

/** A row of `administrators` as the API shape. */
export function administratorFrom(row: Row): RoleBasedAdministrator {
  const kind = text(row, 'kind');
  if (kind !== 'user' && kind !== 'group') throw new Error(`Column kind holds ${JSON.stringify(kind)}, not user or group.`);
  return {
    sid: text(row, 'sid'),
    name: text(row, 'name'),
    kind,
    role: AdminRoleSchema.parse(text(row, 'role')),
    addedBy: text(row, 'added_by'),
    addedAt: text(row, 'added_at'),
  };
}

/** Columns of `audit` in the order {@link auditRecordFrom} reads them. */
export const AUDIT_COLUMNS = 'id, at, actor, actor_sid, source, node, action, target, before_json, after_json, correlation_id';

/** A row of `audit` as the API shape. */
export function auditRecordFrom(row: Row): AuditRecord {
  return {
    id: integer(row, 'id'),
    at: text(row, 'at'),
    actor: text(row, 'actor'),
    actorSid: optionalText(row, 'actor_sid'),
    source: text(row, 'source'),
    node: text(row, 'node'),
    action: AuditActionSchema.parse(text(row, 'action')),
    target: text(row, 'target'),
    before: json(row, 'before_json'),
    after: json(row, 'after_json'),
    correlationId: text(row, 'correlation_id'),
  };
}

/** A registered node and its last heartbeat. */
export type RegisteredNode = NodeRegistration & { readonly lastSeenAt: string };

/** Columns of `nodes` in the order {@link nodeFrom} reads them. */
export const NODE_COLUMNS = 'id, name, version, url, tls, started_at, last_seen_at';

/** A row of `nodes` as the store's shape; `tls` is 0/1 in SQLite and a boolean in PostgreSQL. */
export function nodeFrom(row: Row): RegisteredNode {
  const tls = row['tls'];
  return {
    id: text(row, 'id'),
    name: text(row, 'name'),
    version: text(row, 'version'),
    url: text(row, 'url'),
    tls: tls === true || tls === 1,
    startedAt: text(row, 'started_at'),
    lastSeenAt: text(row, 'last_seen_at'),
  };
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (no such column)';
  if (value === null) return 'NULL';
  return value instanceof Uint8Array ? 'bytes' : typeof value;
}
