import type { DirectoryObject, Resolution } from '../../contract/directory.ts';
import type { AuthorizedEntry } from '../../contract/policy.ts';
import { MAX_NAMES_PER_CALL, type Directory } from '../directory/index.ts';

/**
 * Resolve many names with as few searches as the directory layer allows.
 *
 * The layer takes at most {@link MAX_NAMES_PER_CALL} names per call; a longer list (a stored
 * list holds up to 10,000 entries) is cut into such batches, sent concurrently over the one
 * connection. An empty list costs nothing.
 */
export async function resolveInBatches(directory: Directory, names: readonly string[]): Promise<Resolution[]> {
  const batches: string[][] = [];
  for (let start = 0; start < names.length; start += MAX_NAMES_PER_CALL) batches.push(names.slice(start, start + MAX_NAMES_PER_CALL));
  const results = await Promise.all(batches.map((batch) => directory.resolveNames(batch)));
  return results.flat();
}

/**
 * The distinct SIDs of a list, upper-cased, so each costs one name in the batch.
 *
 * A list may repeat a SID (that is one of the things a review reports); resolving it twice
 * would only add to the search filter.
 */
export function distinctSids(list: readonly AuthorizedEntry[]): string[] {
  return [...new Set(list.map((entry) => entry.sid.toUpperCase()))];
}

/**
 * Pair each resolved SID with its object; SIDs that no longer resolve are left out.
 *
 * Only the exact SID counts: a stored entry is never matched to another account by name
 * (a deleted and re-created account has a new SID and is not authorized).
 */
export function objectsBySid(sids: readonly string[], resolutions: readonly Resolution[]): Map<string, DirectoryObject> {
  const objects = new Map<string, DirectoryObject>();
  sids.forEach((sid, index) => {
    const resolution = resolutions[index];
    if (resolution?.status === 'resolved' && resolution.object.sid.toUpperCase() === sid) objects.set(sid, resolution.object);
  });
  return objects;
}
