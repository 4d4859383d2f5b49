import type { AuthorizedAccount } from '../../contract/servers.ts';
import type { AuthorizedEntry } from '../../contract/policy.ts';

/**
 * A stored entry in the policy's shape.
 *
 * The policy judges SIDs, names and roles only; ids and audit fields stay with the service.
 * The console, the CLI (`servers export`, the live list of `review`) and the use cases here
 * all convert with this one function.
 */
export function entryOf(entry: AuthorizedAccount): AuthorizedEntry {
  return { sid: entry.sid, name: entry.name, role: entry.role };
}
