import type { Administration, RoleBasedAdministrator } from '../../../../contract/connector-api/index.ts';
import { ADMINISTRATION_ACTIONS, judgeRemoval, type AdministrationChange, type AdministrationChangeOutcome } from '../administration-change.ts';
import { versionMatches } from '../expected-version.ts';
import { integer } from '../rows.ts';
import { deleteAdministrator, insertAdministrator, readAdministrators } from './administrators.ts';
import type { Transaction } from './database.ts';
import { lockConfiguration, readOnboardingControl, readSuperUserFeature, writeOnboardingControl } from './settings.ts';

/** The administration's version: the sequence of its newest change, 0 before the first. */
export async function readAdministrationVersion(transaction: Transaction): Promise<number> {
  const [row] = await transaction`
    SELECT coalesce(max(change_sequence), 0) AS version FROM audit WHERE action IN ${transaction.unsafe(ADMINISTRATION_ACTIONS)}`;
  if (!row) throw new Error('The administration version could not be read.');
  return integer(row, 'version');
}

/** Everything the administration view shows, with its version; call inside a snapshot. */
export async function readAdministration(transaction: Transaction): Promise<Administration> {
  return {
    version: await readAdministrationVersion(transaction),
    administrators: await readAdministrators(transaction),
    onboardingControl: await readOnboardingControl(transaction),
    superUserFeature: await readSuperUserFeature(transaction),
  };
}

/**
 * Apply a conditional administration change inside the caller's transaction.
 *
 * The configuration lock comes first: two nodes that read the same version cannot both write,
 * and the last-GlobalAdministrator check sees every assignment committed before it.
 */
export async function changeAdministrationIn(transaction: Transaction, change: AdministrationChange): Promise<AdministrationChangeOutcome> {
  await lockConfiguration(transaction);
  const currentVersion = await readAdministrationVersion(transaction);
  if (!versionMatches(change.expectedVersion, currentVersion)) return { status: 'stale', currentVersion };
  const { action, context } = change;
  let removed: RoleBasedAdministrator | null = null;
  switch (action.kind) {
    case 'add-administrator':
      if (!(await insertAdministrator(transaction, action.administrator, context))) return { status: 'duplicate' };
      break;
    case 'remove-administrator': {
      const removal = judgeRemoval(await readAdministrators(transaction), action.sid, action.role);
      if (removal.status !== 'remove') return removal;
      await deleteAdministrator(transaction, action.sid, action.role, context);
      removed = removal.assignment;
      break;
    }
    case 'set-onboarding':
      await writeOnboardingControl(transaction, action.group, context);
      break;
  }
  return { status: 'applied', administration: await readAdministration(transaction), removed };
}
