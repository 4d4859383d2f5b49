import type { AuthorizedAccount, ServerAccountFacts } from '../../contract/index.ts';
import type { Directory } from '../../core/directory/index.ts';
import { distinctSids, objectsBySid, resolveInBatches } from '../../core/policy/resolve-entries.ts';

/** The longest description passed on (AD's own limit for the attribute). */
const MAX_DESCRIPTION = 1024;

/**
 * Today's directory facts about each entry's account, or undefined when the directory fails.
 *
 * One batched search for the whole list. The list itself matters more than its decoration:
 * a directory that cannot answer leaves the list shown without the facts, not unshown.
 * SIDs the directory no longer knows are simply absent.
 */
export async function serverAccountFacts(directory: Directory, entries: readonly AuthorizedAccount[]): Promise<ServerAccountFacts[] | undefined> {
  try {
    const sids = distinctSids(entries);
    const objects = objectsBySid(sids, await resolveInBatches(directory, sids));
    return [...objects.values()].map((object) => ({
      sid: object.sid,
      disabled: object.disabled,
      builtin: object.group?.scope === 'builtin-local',
      ...(object.description === undefined ? {} : { description: object.description.slice(0, MAX_DESCRIPTION) }),
    }));
  } catch {
    return undefined;
  }
}
