import type { AdminRole, RoleBasedAdministrator } from '../../../../contract/connector-api/index.ts';
import type { AdministratorToAdd, ChangeContext } from '../config-store.ts';
import { ADMINISTRATOR_COLUMNS, administratorFrom } from '../rows.ts';
import { appendAudit } from './audit.ts';
import { numberChange } from './changes.ts';
import type { Transaction } from './database.ts';
import { lockConfiguration } from './settings.ts';

/** Every role assignment, in the order they were made. */
export async function readAdministrators(transaction: Transaction): Promise<RoleBasedAdministrator[]> {
  const rows = await transaction`SELECT ${transaction.unsafe(ADMINISTRATOR_COLUMNS)} FROM administrators ORDER BY position`;
  return rows.map(administratorFrom);
}

/** Store and audit one role assignment; an existing one is left as it is and not audited again. */
export async function insertAdministrator(transaction: Transaction, administrator: AdministratorToAdd, context: ChangeContext): Promise<boolean> {
  await lockConfiguration(transaction);
  // Only the known fields reach the audit record, whatever else the caller's object carries.
  const stored: RoleBasedAdministrator = {
    sid: administrator.sid,
    name: administrator.name,
    kind: administrator.kind,
    role: administrator.role,
    addedBy: context.actor,
    addedAt: context.at,
  };
  const inserted = await transaction`
    INSERT INTO administrators (sid, name, kind, role, added_by, added_at)
    VALUES (${stored.sid}, ${stored.name}, ${stored.kind}, ${stored.role}, ${stored.addedBy}, ${stored.addedAt})
    ON CONFLICT (sid, role) DO NOTHING`;
  if (inserted.count === 0) return false;
  await appendAudit(transaction, await numberChange(transaction, context), {
    action: 'role-based-administrator.add',
    target: `${stored.name} (${stored.role})`,
    before: null,
    after: stored,
  });
  return true;
}

/** Delete and audit one role assignment; false when there was none. */
export async function deleteAdministrator(transaction: Transaction, sid: string, role: AdminRole, context: ChangeContext): Promise<boolean> {
  await lockConfiguration(transaction);
  const [row] = await transaction`DELETE FROM administrators WHERE sid = ${sid} AND role = ${role} RETURNING ${transaction.unsafe(ADMINISTRATOR_COLUMNS)}`;
  if (!row) return false;
  const before = administratorFrom(row);
  await appendAudit(transaction, await numberChange(transaction, context), {
    action: 'role-based-administrator.remove',
    target: `${before.name} (${before.role})`,
    before,
    after: null,
  });
  return true;
}
