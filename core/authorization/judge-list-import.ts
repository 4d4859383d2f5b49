import type { DirectoryObject } from '../../contract/directory.ts';
import type { AuthorizedEntry, Finding } from '../../contract/policy.ts';
import type { AuthorizedAccountListing, ConnectorClient } from '../connector/index.ts';
import type { Directory } from '../directory/index.ts';
import { aliveConnectorNodeNames } from './judge-account.ts';
import { judgeGrant } from './judge-grant.ts';
import { planListImport, type ListImportPlan } from './plan-list-import.ts';
import { resolveAccount } from './resolve-account.ts';

/** The connector service operations an import needs. */
export type ListImportService = Pick<ConnectorClient, 'listAuthorizedAccounts' | 'listConnectors' | 'replaceAuthorizedAccounts'>;

/**
 * One entry of the file judged: the directory's object (absent when its SID resolves to
 * nothing), every finding, and which of them block or need acknowledgement.
 */
export type JudgedImportEntry = {
  readonly entry: AuthorizedEntry;
  readonly object: DirectoryObject | undefined;
  readonly findings: readonly Finding[];
  readonly blocking: readonly Finding[];
  readonly needsAcknowledgement: readonly Finding[];
};

/** A file's entries judged against the live list: the plan, the listing it holds for, and each kept entry's verdict. */
export type ListImportJudgement = {
  readonly plan: ListImportPlan;
  readonly listing: AuthorizedAccountListing;
  readonly added: readonly JudgedImportEntry[];
  readonly unchanged: readonly JudgedImportEntry[];
};

/**
 * How to judge: cancelled by `signal`, progress to `onProgress`. `judgeUnchanged: false` judges
 * the added entries alone (their findings still weigh the whole list), for adding a few entries
 * to a long list whose kept entries nobody is shown; `unchanged` is then empty. `listing` is the
 * live list when the caller has just read it, so it is not read twice.
 */
export type ListImportOptions = {
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ListImportProgress | undefined;
  readonly judgeUnchanged?: boolean | undefined;
  readonly listing?: AuthorizedAccountListing | undefined;
};

/** How far judging has got: entries judged of all to judge. */
export type ListImportProgress = (progress: { readonly finished: number; readonly total: number }) => void;

/**
 * Judge what importing a file would do: read the live list, compare, then judge every entry
 * the list would hold afterwards as if granted next to the rest of the file.
 *
 * The same judging as the add dialog (`judgeGrant`, the service's alive connector nodes),
 * one entry at a time with progress, stopped by the signal between entries. Only an added
 * entry's errors and warnings decide the import (see `importList`); an unchanged entry's
 * findings are for the admin to read, as in List review.
 */
export async function judgeListImport(
  directory: Directory,
  service: ListImportService,
  wanted: readonly AuthorizedEntry[],
  options: ListImportOptions = {},
): Promise<ListImportJudgement> {
  const { signal } = options;
  const [listing, connectorNodeNames] = await Promise.all([
    options.listing ?? service.listAuthorizedAccounts(signal === undefined ? {} : { signal }),
    aliveConnectorNodeNames(service, signal),
  ]);
  signal?.throwIfAborted();
  const plan = planListImport(listing.list.entries, wanted);
  const judgeUnchanged = options.judgeUnchanged ?? true;
  const toJudge = judgeUnchanged ? [...plan.toAdd, ...plan.unchanged] : plan.toAdd;
  const judged = new Map<AuthorizedEntry, JudgedImportEntry>();
  options.onProgress?.({ finished: 0, total: toJudge.length });
  for (const entry of toJudge) {
    const others = wanted.filter((other) => other !== entry);
    judged.set(entry, await judgeEntry(directory, entry, others, connectorNodeNames));
    signal?.throwIfAborted();
    options.onProgress?.({ finished: judged.size, total: toJudge.length });
  }
  const verdictOf = (entry: AuthorizedEntry): JudgedImportEntry => {
    const verdict = judged.get(entry);
    if (verdict === undefined) throw new Error('An entry of the import was not judged.');
    return verdict;
  };
  return { plan, listing, added: plan.toAdd.map(verdictOf), unchanged: judgeUnchanged ? plan.unchanged.map(verdictOf) : [] };
}

async function judgeEntry(
  directory: Directory,
  entry: AuthorizedEntry,
  others: readonly AuthorizedEntry[],
  connectorNodeNames: readonly string[],
): Promise<JudgedImportEntry> {
  const lookup = await resolveAccount(directory, { sid: entry.sid });
  if (lookup.status !== 'resolved') {
    const findings = lookup.status === 'unresolved' ? lookup.findings : [];
    return { entry, object: undefined, findings, blocking: findings.filter((finding) => finding.severity === 'error'), needsAcknowledgement: [] };
  }
  const judgement = await judgeGrant(directory, { role: entry.role, object: lookup.object, list: others, connectorNodeNames, unknownConnectorNodes: 'ignore' });
  return { entry, ...judgement };
}
