import type { AuthorizedEntry, Role } from '../../contract/policy.ts';
import type { AuthorizedAccount } from '../../contract/servers.ts';

/**
 * What replacing the live list with a file's entries changes: entries to add (from the file),
 * to remove (from the live list), and those in both (the file's own entries, in its order).
 */
export type ListImportPlan = {
  readonly toAdd: readonly AuthorizedEntry[];
  readonly toRemove: readonly AuthorizedAccount[];
  readonly unchanged: readonly AuthorizedEntry[];
};

/**
 * Compare a file's entries with the live list, by SID and role (the service's own key).
 *
 * A SID's case does not matter; a name does not count (names are the directory's business),
 * so a renamed account is unchanged. The service applies the same comparison on replace.
 */
export function planListImport(live: readonly AuthorizedAccount[], wanted: readonly AuthorizedEntry[]): ListImportPlan {
  const present = new Set(live.map(importKeyOf));
  const target = new Set(wanted.map(importKeyOf));
  return {
    toAdd: wanted.filter((entry) => !present.has(importKeyOf(entry))),
    toRemove: live.filter((entry) => !target.has(importKeyOf(entry))),
    unchanged: wanted.filter((entry) => present.has(importKeyOf(entry))),
  };
}

/** An entry's identity in a list: its SID (any case) and role. */
export function importKeyOf(entry: { readonly sid: string; readonly role: Role }): string {
  return `${entry.sid.toUpperCase()} ${entry.role}`;
}
