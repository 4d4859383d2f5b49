import type { DatabaseSync } from 'node:sqlite';
import type { Administration, RoleBasedAdministrator } from '../../../../contract/connector-api/index.ts';
import { ADMINISTRATION_ACTIONS, judgeRemoval, type AdministrationChange, type AdministrationChangeOutcome } from '../administration-change.ts';
import { versionMatches } from '../expected-version.ts';
import { integer } from '../rows.ts';
import { deleteAdministrator, insertAdministrator, readAdministrators } from './administrators.ts';
import { readOnboardingControl, readSuperUserFeature, writeOnboardingControl } from './settings.ts';

/** The administration's version: the sequence of its newest change, 0 before the first. */
export function readAdministrationVersion(database: DatabaseSync): number {
  const row = database.prepare(`SELECT coalesce(max(change_sequence), 0) AS version FROM audit WHERE action IN ${ADMINISTRATION_ACTIONS}`).get();
  if (!row) throw new Error('The administration version could not be read.');
  return integer(row, 'version');
}

/** Everything the administration view shows, with its version; call inside a read transaction. */
export function readAdministration(database: DatabaseSync): Administration {
  return {
    version: readAdministrationVersion(database),
    administrators: readAdministrators(database),
    onboardingControl: readOnboardingControl(database),
    superUserFeature: readSuperUserFeature(database),
  };
}

/** Apply a conditional administration change inside the caller's write transaction. */
export function changeAdministrationIn(database: DatabaseSync, change: AdministrationChange): AdministrationChangeOutcome {
  const currentVersion = readAdministrationVersion(database);
  if (!versionMatches(change.expectedVersion, currentVersion)) return { status: 'stale', currentVersion };
  const { action, context } = change;
  let removed: RoleBasedAdministrator | null = null;
  switch (action.kind) {
    case 'add-administrator':
      if (!insertAdministrator(database, action.administrator, context)) return { status: 'duplicate' };
      break;
    case 'remove-administrator': {
      const removal = judgeRemoval(readAdministrators(database), action.sid, action.role);
      if (removal.status !== 'remove') return removal;
      deleteAdministrator(database, action.sid, action.role, context);
      removed = removal.assignment;
      break;
    }
    case 'set-onboarding':
      writeOnboardingControl(database, action.group, context);
      break;
  }
  return { status: 'applied', administration: readAdministration(database), removed };
}
