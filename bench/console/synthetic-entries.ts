import type { EntryToAdd } from '../../connector/server/store/config-store.ts';
import type { Role } from '../../contract/policy.ts';

const ROLES: readonly Role[] = ['exchange', 'sharepoint', 'fci'];

/**
 * `count` list entries with made-up SIDs in a domain that does not exist.
 *
 * Listing never resolves SIDs, so they need not exist in the test DC; the store takes any
 * well-formed SID (the service's add route is what checks the directory, and it is not used).
 */
export function syntheticEntries(count: number): EntryToAdd[] {
  return Array.from({ length: count }, (_unused, index) => {
    const number = String(index + 1).padStart(5, '0');
    const role = ROLES[index % ROLES.length] ?? 'sharepoint';
    return {
      sid: `S-1-5-21-1111111111-2222222222-3333333333-${String(100_000 + index)}`,
      name: `CORP\\bench.entry.${number}`,
      role,
      kind: role === 'exchange' ? 'group' : role === 'fci' ? 'computer' : 'user',
    };
  });
}
