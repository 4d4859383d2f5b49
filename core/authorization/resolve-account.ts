import type { DirectoryObject } from '../../contract/directory.ts';
import type { Finding } from '../../contract/policy.ts';
import type { Directory } from '../directory/index.ts';
import { findingsForUnresolved } from '../policy/evaluate-authorization.ts';

/**
 * The account an admin means: a SID picked in the console, or a name typed at the CLI.
 *
 * A SID is looked up as it is; a name goes through the directory's name resolution (DOMAIN\\name,
 * UPN, sAMAccountName, SID), which may find nothing or several objects.
 */
export type AccountReference = { readonly sid: string } | { readonly name: string };

/**
 * What the directory answered for an account reference.
 *
 * `unresolved` carries the finding (NOT_FOUND, or AMBIGUOUS_NAME with the candidates) so a
 * script sees one shape whatever happened; `no-answer` is a directory that returned nothing for
 * the name, which the caller reports as an internal error.
 */
export type AccountLookup =
  | { readonly status: 'resolved'; readonly object: DirectoryObject }
  | { readonly status: 'unresolved'; readonly findings: readonly Finding[] }
  | { readonly status: 'no-answer' };

/**
 * Find the object an account reference names.
 *
 * One directory call either way, so a caller can run it alongside reading the list.
 */
export async function resolveAccount(directory: Directory, reference: AccountReference): Promise<AccountLookup> {
  if ('sid' in reference) {
    const object = await directory.objectBySid(reference.sid);
    if (object !== undefined) return { status: 'resolved', object };
    return { status: 'unresolved', findings: findingsForUnresolved({ status: 'not-found', input: reference.sid, reason: 'No object has this SID.' }) };
  }
  const [resolution] = await directory.resolveNames([reference.name]);
  if (resolution === undefined) return { status: 'no-answer' };
  return resolution.status === 'resolved'
    ? { status: 'resolved', object: resolution.object }
    : { status: 'unresolved', findings: findingsForUnresolved(resolution) };
}
