import type { OnboardingControl, SuperUserFeature } from '../../../../contract/connector-api/index.ts';
import type { NumberedContext } from '../change-events.ts';
import type { ChangeContext } from '../config-store.ts';
import { blob, integer, optionalText, type Row } from '../rows.ts';
import { appendAudit } from './audit.ts';
import { numberChange } from './changes.ts';
import type { Transaction } from './database.ts';

/** The onboarding-control group as the store takes it. */
export type OnboardingGroup = { readonly sid: string; readonly name: string };

/** The single settings row; migration 1 creates it, so its absence means a damaged database. */
async function settings(transaction: Transaction): Promise<Row> {
  const [row] = await transaction`SELECT * FROM settings WHERE id = 1`;
  if (!row) throw new Error('The settings row is missing: the configuration database is damaged.');
  return row;
}

/**
 * Take the configuration's write lock for the rest of the transaction.
 *
 * Every change of the list, the administrators or onboarding control locks the one settings
 * row first, so two nodes that read the same list version cannot both write: the second waits,
 * then reads the first one's version (PostgreSQL's counterpart of SQLite's BEGIN IMMEDIATE).
 */
export async function lockConfiguration(transaction: Transaction): Promise<void> {
  await transaction`SELECT 1 FROM settings WHERE id = 1 FOR UPDATE`;
}

/** The authorized list's version (its ETag). */
export async function readListVersion(transaction: Transaction): Promise<number> {
  const [row] = await transaction`SELECT list_version FROM settings WHERE id = 1`;
  if (!row) throw new Error('The settings row is missing: the configuration database is damaged.');
  return integer(row, 'list_version');
}

/** Count one change of the authorized list. */
export async function bumpListVersion(transaction: Transaction): Promise<number> {
  const [row] = await transaction`UPDATE settings SET list_version = list_version + 1 WHERE id = 1 RETURNING list_version`;
  if (!row) throw new Error('The settings row is missing: the configuration database is damaged.');
  return integer(row, 'list_version');
}

/** Whether the super-user feature is on, and who switched it. */
export async function readSuperUserFeature(transaction: Transaction): Promise<SuperUserFeature> {
  const row = await settings(transaction);
  return {
    enabled: row['super_user_enabled'] === true,
    changedBy: optionalText(row, 'super_user_changed_by'),
    changedAt: optionalText(row, 'super_user_changed_at'),
  };
}

/** Switch the super-user feature on and audit it, inside the caller's transaction (an Exchange entry was added). */
export async function enableSuperUserFeature(transaction: Transaction, context: NumberedContext): Promise<void> {
  await transaction`UPDATE settings SET super_user_enabled = true, super_user_changed_by = ${context.actor}, super_user_changed_at = ${context.at} WHERE id = 1`;
  await appendAudit(transaction, context, {
    action: 'super-user-feature.enable',
    target: 'super-user feature',
    before: { enabled: false },
    after: { enabled: true },
  });
}

/** The onboarding-control group, and who set or cleared it last. */
export async function readOnboardingControl(transaction: Transaction): Promise<OnboardingControl> {
  const row = await settings(transaction);
  const sid = optionalText(row, 'onboarding_group_sid');
  const name = optionalText(row, 'onboarding_group_name');
  return {
    group: sid === null || name === null ? null : { sid, name },
    changedBy: optionalText(row, 'onboarding_changed_by'),
    changedAt: optionalText(row, 'onboarding_changed_at'),
  };
}

/** Set or clear the onboarding-control group and audit it; setting what is already set writes nothing. */
export async function writeOnboardingControl(transaction: Transaction, group: OnboardingGroup | null, change: ChangeContext): Promise<void> {
  const before = (await readOnboardingControl(transaction)).group;
  if (before?.sid === group?.sid && before?.name === group?.name) return;
  const context = await numberChange(transaction, change);
  await transaction`
    UPDATE settings SET onboarding_group_sid = ${group?.sid ?? null}, onboarding_group_name = ${group?.name ?? null},
      onboarding_changed_by = ${context.actor}, onboarding_changed_at = ${context.at}
    WHERE id = 1`;
  await appendAudit(transaction, context, {
    action: group === null ? 'onboarding-control.clear' : 'onboarding-control.set',
    target: (group ?? before)?.name ?? 'onboarding control',
    before,
    after: group === null ? null : { sid: group.sid, name: group.name },
  });
}

/** The HMAC key for admin tokens, as migration 1 created it. */
export async function readTokenSigningKey(transaction: Transaction): Promise<Uint8Array> {
  return new Uint8Array(blob(await settings(transaction), 'token_signing_key'));
}
