import type { AuthorizedEntry, Role } from '../../contract/policy.ts';
import type { ReplaceAuthorizedAccountsResult } from '../../contract/connector-api/index.ts';
import type { Versioned } from '../connector/index.ts';
import type { Directory } from '../directory/index.ts';
import { judgeListImport, type ListImportJudgement, type ListImportOptions, type ListImportService } from './judge-list-import.ts';
import { importKeyOf } from './plan-list-import.ts';

/** The warnings an admin acknowledged on one added entry, by its SID and role. */
export type EntryAcknowledgement = { readonly sid: string; readonly role: Role; readonly codes: readonly string[] };

/** An import the admin asked for: the file's entries, the version they looked at, what they acknowledged. */
export type ListImportRequest = {
  readonly wanted: readonly AuthorizedEntry[];
  readonly expectedVersionTag: string;
  readonly acknowledged: readonly EntryAcknowledgement[];
};

/**
 * How an import ended. Nothing is written unless `applied`; `blocked` and
 * `needs-acknowledgement` name the codes still in the way (each once).
 */
export type ListImportOutcome =
  | { readonly status: 'list-changed'; readonly judgement: ListImportJudgement }
  | { readonly status: 'blocked'; readonly codes: readonly string[]; readonly judgement: ListImportJudgement }
  | { readonly status: 'needs-acknowledgement'; readonly codes: readonly string[]; readonly judgement: ListImportJudgement }
  | { readonly status: 'applied'; readonly replaced: Versioned<ReplaceAuthorizedAccountsResult>; readonly judgement: ListImportJudgement };

/**
 * Import a list file: judge it against the live list again, refuse a list that is not the
 * version the admin looked at, refuse an added entry's errors, require each added entry's
 * warnings to be acknowledged by code, then replace the whole list in one conditional write.
 *
 * The service applies every change or none (`PUT` with `If-Match`), so a change by someone
 * else in between is refused, not overwritten; this is the console's Apply and the same rule
 * as `authorizeAccount` for one entry.
 */
export async function importList(
  directory: Directory,
  service: ListImportService,
  request: ListImportRequest,
  options: ListImportOptions = {},
): Promise<ListImportOutcome> {
  const judgement = await judgeListImport(directory, service, request.wanted, options);
  if (judgement.listing.etag !== request.expectedVersionTag) return { status: 'list-changed', judgement };
  const blocking = unique(judgement.added.flatMap((judged) => judged.blocking.map((finding) => finding.code)));
  if (blocking.length > 0) return { status: 'blocked', codes: blocking, judgement };
  const acknowledged = new Map(request.acknowledged.map((given) => [importKeyOf(given), new Set(given.codes)]));
  const missing = unique(
    judgement.added.flatMap((judged) =>
      judged.needsAcknowledgement.filter((finding) => acknowledged.get(importKeyOf(judged.entry))?.has(finding.code) !== true).map((finding) => finding.code),
    ),
  );
  if (missing.length > 0) return { status: 'needs-acknowledgement', codes: missing, judgement };
  options.signal?.throwIfAborted();
  const replaced = await service.replaceAuthorizedAccounts(request.wanted, { ifMatch: request.expectedVersionTag });
  return { status: 'applied', replaced, judgement };
}

function unique(codes: readonly string[]): string[] {
  return [...new Set(codes)];
}
