import type { NewAuthorizedAccount } from '../../../contract/connector-api/index.ts';
import { directoryCall } from '../auth/directory-call.ts';
import { ApiFailure } from '../http/api-failure.ts';
import type { ServiceContext } from '../service-context.ts';
import type { NamedObject } from '../service-directory.ts';
import type { EntryToAdd } from '../store/config-store.ts';
import { describeHiddenCharacter, findHiddenCharacter } from '../../../contract/hidden-characters.ts';

const POLICY_CONCURRENCY = 4;

/**
 * Check entries against the directory before they are stored: every SID must name an
 * object, and the policy must find nothing that blocks the grant.
 *
 * The name and kind stored with an entry come from the directory (`DOMAIN\\sAMAccountName`),
 * never from the client: a script must not file Exchange servers as "Harmless Printer" in
 * the list and the audit trail. The client's name only labels refusals. Warnings are
 * the console's business (the admin acknowledges them there); errors are refused here too,
 * so a script cannot store what the console would never let through. The blocking findings
 * are core's `judgeGrant` (core/authorization), the same judging the console and the
 * CLI run, through the service directory's `blockingFindings`.
 */
export async function checkEntries(context: ServiceContext, entries: readonly NewAuthorizedAccount[]): Promise<EntryToAdd[]> {
  if (entries.length === 0) return [];
  const objects = await directoryCall(() => context.directory.objectsBySid(entries.map((entry) => entry.sid)));
  const missing = entries.filter((entry) => !objects.has(entry.sid));
  if (missing.length > 0) {
    throw new ApiFailure(
      'SID_NOT_FOUND',
      `${missing.length === 1 ? 'A SID is' : `${String(missing.length)} SIDs are`} not in the directory: ${missing[0]?.name ?? ''} (${missing[0]?.sid ?? ''})${missing.length > 1 ? ' and others' : ''}. The account may have been deleted; check the name and pick it again.`,
      {
        details: missing.slice(0, 20).map((entry) => `${entry.name} (${entry.sid})`),
      },
    );
  }
  refuseHiddenDirectoryNames([...objects.values()]);
  const refusals: string[] = [];
  const checked: EntryToAdd[] = [];
  for (let start = 0; start < entries.length; start += POLICY_CONCURRENCY) {
    const batch = entries.slice(start, start + POLICY_CONCURRENCY);
    const results = await Promise.all(
      batch.map(async (entry) => {
        const found = objects.get(entry.sid);
        if (!found) throw new Error(`The directory lookup lost ${entry.sid}.`);
        const blocking = await directoryCall(() => context.directory.blockingFindings(entry.role, found.object));
        for (const finding of blocking) refusals.push(`${finding.code}: ${finding.message}`);
        return { sid: entry.sid, name: found.accountName, role: entry.role, kind: found.object.kind };
      }),
    );
    checked.push(...results);
  }
  if (refusals.length > 0) {
    throw new ApiFailure('POLICY_REFUSED', `The grant is refused: ${refusals[0] ?? ''}`, { details: refusals.slice(0, 50) });
  }
  return checked;
}

/**
 * Refuse accounts whose directory name holds an invisible or direction character.
 *
 * The list shows the directory's name, so a computer account someone created as
 * `EXCH01<U+202E>$` would read as another name in the list and the audit trail. The
 * message shows the character as its code, never the raw name.
 */
export function refuseHiddenDirectoryNames(objects: readonly NamedObject[]): void {
  const refused = objects.flatMap(({ accountName, object }) => {
    const found = findHiddenCharacter(accountName);
    return found ? [`${visibleForm(accountName)} (${object.sid}): ${describeHiddenCharacter(found, 'the account name in Active Directory')}`] : [];
  });
  if (refused.length > 0) {
    throw new ApiFailure(
      'ACCOUNT_NAME_REFUSED',
      `The directory names this account with a character an admin cannot see: ${refused[0] ?? ''} Rename it (sAMAccountName), then add it.`,
      { details: refused.slice(0, 20) },
    );
  }
}

/** The name with each hidden character written as its code, safe to show and to log. */
function visibleForm(name: string): string {
  return [...name]
    .map((character) => {
      const found = findHiddenCharacter(character);
      return found ? `<${found.code}>` : character;
    })
    .join('');
}
