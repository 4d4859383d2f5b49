import type { DatabaseSync } from 'node:sqlite';
import type { AdminRole, RoleBasedAdministrator } from '../../../../contract/connector-api/index.ts';
import type { AdministratorToAdd, ChangeContext } from '../config-store.ts';
import { appendAudit } from './audit.ts';
import { numberChange } from './changes.ts';
import { ADMINISTRATOR_COLUMNS, administratorFrom } from '../rows.ts';

/** Every role assignment, in the order they were made. */
export function readAdministrators(database: DatabaseSync): RoleBasedAdministrator[] {
  return database.prepare(`SELECT ${ADMINISTRATOR_COLUMNS} FROM administrators ORDER BY rowid`).all().map(administratorFrom);
}

/**
 * Store and audit one role assignment, inside the caller's transaction.
 *
 * An assignment that already exists is left as it is (its original adder and time stay) and
 * not audited again, so the CLI can be re-run safely.
 */
export function insertAdministrator(database: DatabaseSync, administrator: AdministratorToAdd, context: ChangeContext): boolean {
  const stored: RoleBasedAdministrator = { ...pick(administrator), addedBy: context.actor, addedAt: context.at };
  const result = database
    .prepare(`INSERT INTO administrators (${ADMINISTRATOR_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sid, role) DO NOTHING`)
    .run(stored.sid, stored.name, stored.kind, stored.role, stored.addedBy, stored.addedAt);
  if (result.changes === 0) return false;
  appendAudit(database, numberChange(database, context), {
    action: 'role-based-administrator.add',
    target: `${stored.name} (${stored.role})`,
    before: null,
    after: stored,
  });
  return true;
}

/** Delete and audit one role assignment, inside the caller's transaction; false when there was none. */
export function deleteAdministrator(database: DatabaseSync, sid: string, role: AdminRole, context: ChangeContext): boolean {
  const row = database.prepare(`SELECT ${ADMINISTRATOR_COLUMNS} FROM administrators WHERE sid = ? AND role = ?`).get(sid, role);
  if (!row) return false;
  const before = administratorFrom(row);
  database.prepare('DELETE FROM administrators WHERE sid = ? AND role = ?').run(sid, role);
  appendAudit(database, numberChange(database, context), {
    action: 'role-based-administrator.remove',
    target: `${before.name} (${before.role})`,
    before,
    after: null,
  });
  return true;
}

// Only the known fields reach the audit record, whatever else the caller's object carries.
function pick(administrator: AdministratorToAdd): AdministratorToAdd {
  return { sid: administrator.sid, name: administrator.name, kind: administrator.kind, role: administrator.role };
}
