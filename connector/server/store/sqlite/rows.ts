import type { SQLOutputValue } from 'node:sqlite';
import { ObjectKindSchema } from '../../../../contract/directory.ts';
import { RoleSchema } from '../../../../contract/policy.ts';
import { AdminRoleSchema, type AuthorizedAccount, type RoleBasedAdministrator } from '../../../../contract/connector-api/index.ts';
import type { ChangeContext } from '../config-store.ts';

/** One row as `node:sqlite` returns it. */
export type Row = Record<string, SQLOutputValue>;

/**
 * A text column's value.
 *
 * Rows are typed loosely by `node:sqlite`; reading through checked accessors turns a damaged
 * file into an error that names the column, not a wrong value passed on.
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

/**
 * A time in the one ISO form `toISOString` gives (`…T10:00:00.000Z`).
 *
 * Times are compared as text in SQL (audit ranges, pruning); `…00Z` sorts after `…00.500Z`,
 * so mixed forms of the same instant would compare wrongly. Everything stored goes through here.
 */
export function isoTime(value: string, what: string): string {
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new Error(`${what} is not a time: ${JSON.stringify(value)}.`);
  return time.toISOString();
}

/** The context with its time in the stored form; see {@link isoTime}. */
export function storedContext(context: ChangeContext): ChangeContext {
  return { ...context, at: isoTime(context.at, 'The time of the change') };
}

function describe(value: SQLOutputValue | undefined): string {
  if (value === undefined) return 'nothing (no such column)';
  if (value === null) return 'NULL';
  return value instanceof Uint8Array ? 'bytes' : typeof value;
}
