import type { DatabaseSync } from 'node:sqlite';
import type { OnboardingControl, SuperUserFeature } from '../../../../contract/connector-api/index.ts';
import type { NumberedContext } from '../change-events.ts';
import type { ChangeContext } from '../config-store.ts';
import { appendAudit } from './audit.ts';
import { numberChange } from './changes.ts';
import { blob, integer, optionalText, type Row } from '../rows.ts';

/** The onboarding-control group as the store takes it. */
export type OnboardingGroup = { readonly sid: string; readonly name: string };

/** The single settings row; migration 1 creates it, so its absence means a damaged file. */
function settings(database: DatabaseSync, columns: string): Row {
  const row = database.prepare(`SELECT ${columns} FROM settings WHERE id = 1`).get();
  if (!row) throw new Error('The settings row is missing: the configuration database is damaged.');
  return row;
}

/** The authorized list's version (its ETag). */
export function readListVersion(database: DatabaseSync): number {
  return integer(settings(database, 'list_version'), 'list_version');
}

/** Count one change of the authorized list. */
export function bumpListVersion(database: DatabaseSync): number {
  database.prepare('UPDATE settings SET list_version = list_version + 1 WHERE id = 1').run();
  return readListVersion(database);
}

/** Whether the super-user feature is on, and who switched it. */
export function readSuperUserFeature(database: DatabaseSync): SuperUserFeature {
  const row = settings(database, 'super_user_enabled, super_user_changed_by, super_user_changed_at');
  return {
    enabled: integer(row, 'super_user_enabled') === 1,
    changedBy: optionalText(row, 'super_user_changed_by'),
    changedAt: optionalText(row, 'super_user_changed_at'),
  };
}

/**
 * Switch the super-user feature on and audit it, inside the caller's transaction.
 *
 * Called when an Exchange entry is added: Exchange needs super-user rights to decrypt for its
 * services, so the switch belongs to the same change and shares its correlation id.
 */
export function enableSuperUserFeature(database: DatabaseSync, context: NumberedContext): void {
  database
    .prepare('UPDATE settings SET super_user_enabled = 1, super_user_changed_by = ?, super_user_changed_at = ? WHERE id = 1')
    .run(context.actor, context.at);
  appendAudit(database, context, { action: 'super-user-feature.enable', target: 'super-user feature', before: { enabled: false }, after: { enabled: true } });
}

/** The onboarding-control group, and who set or cleared it last. */
export function readOnboardingControl(database: DatabaseSync): OnboardingControl {
  const row = settings(database, 'onboarding_group_sid, onboarding_group_name, onboarding_changed_by, onboarding_changed_at');
  const sid = optionalText(row, 'onboarding_group_sid');
  const name = optionalText(row, 'onboarding_group_name');
  return {
    group: sid === null || name === null ? null : { sid, name },
    changedBy: optionalText(row, 'onboarding_changed_by'),
    changedAt: optionalText(row, 'onboarding_changed_at'),
  };
}

/**
 * Set or clear the onboarding-control group and audit it, inside the caller's transaction.
 *
 * Setting what is already set writes nothing: the audit holds changes, not repeated requests.
 */
export function writeOnboardingControl(database: DatabaseSync, group: OnboardingGroup | null, change: ChangeContext): void {
  const before = readOnboardingControl(database).group;
  if (before?.sid === group?.sid && before?.name === group?.name) return;
  const context = numberChange(database, change);
  database
    .prepare(
      `UPDATE settings SET onboarding_group_sid = ?, onboarding_group_name = ?, onboarding_changed_by = ?, onboarding_changed_at = ?
       WHERE id = 1`,
    )
    .run(group?.sid ?? null, group?.name ?? null, context.actor, context.at);
  const after = group === null ? null : { sid: group.sid, name: group.name };
  appendAudit(database, context, {
    action: group === null ? 'onboarding-control.clear' : 'onboarding-control.set',
    target: (group ?? before)?.name ?? 'onboarding control',
    before,
    after,
  });
}

/** The HMAC key for admin tokens, as migration 1 created it. */
export function readTokenSigningKey(database: DatabaseSync): Uint8Array {
  return blob(settings(database, 'token_signing_key'), 'token_signing_key');
}
