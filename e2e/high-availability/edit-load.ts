import { randomUUID } from 'node:crypto';
import type { HaAnswer, HaClient } from './ha-client.ts';

type Entry = { readonly id: string; readonly sid: string; readonly role: string };

/** What one client's edits came to. */
export type EditOutcome =
  | { readonly kind: 'added' | 'removed'; readonly entry: Entry; readonly baseVersion: number; readonly at: number }
  | { readonly kind: 'failed'; readonly intent: 'add' | 'remove'; readonly targetId: string | undefined; readonly status: number | 'no-answer' };

/**
 * One admin editing through the balancer: each edit reads the list, then adds one of its own
 * accounts or removes one it sees, conditionally (If-Match), re-reading after a 412.
 *
 * Each client has its own accounts, so edits conflict only on the list's version, the case the
 * service must serialise across nodes. An addition carries an Idempotency-Key, so a retry after a
 * lost answer is answered from the first attempt's result.
 */
export async function runEdits(client: HaClient, accounts: readonly string[], edits: number, seed: number): Promise<EditOutcome[]> {
  let random = seed;
  const next = () => (random = (random * 1103515245 + 12345) % 2147483648) / 2147483648;
  const outcomes: EditOutcome[] = [];
  for (let edit = 0; edit < edits; edit += 1) {
    const wantRemove = next() < 0.5;
    const key = randomUUID();
    // The entry this edit tried to remove: a 412 may answer a retry whose first attempt did remove
    // it (its answer lost with a killed node), which the next read shows.
    let removalTried: (Entry & { readonly baseVersion: number }) | undefined;
    for (let attempt = 0; ; attempt += 1) {
      const read = await client.send({ method: 'GET', path: '/v1/authorized-accounts' });
      if (read.status !== 200) {
        outcomes.push({ kind: 'failed', intent: wantRemove ? 'remove' : 'add', targetId: undefined, status: read.status });
        break;
      }
      const version = read.body.version as number;
      const entries = read.body.entries as Entry[];
      if (removalTried !== undefined && !entries.some((entry) => entry.id === removalTried?.id)) {
        // Only this client edits its accounts: the entry is gone because this edit removed it.
        const { baseVersion, ...entry } = removalTried;
        outcomes.push({ kind: 'removed', entry, baseVersion, at: Date.now() });
        break;
      }
      const mine = entries.filter((entry) => accounts.includes(entry.sid));
      const absent = accounts.filter((sid) => !mine.some((entry) => entry.sid === sid));
      const target = mine[0];
      const removing = target !== undefined && (wantRemove || absent.length === 0);
      const answer: HaAnswer = removing
        ? await client.send({ method: 'DELETE', path: `/v1/authorized-accounts/${target.id}`, headers: { 'if-match': `"${String(version)}"` } })
        : await client.send({
            method: 'POST',
            path: '/v1/authorized-accounts',
            body: { sid: absent[0], name: 'bulk user', role: 'sharepoint' },
            headers: { 'if-match': `"${String(version)}"`, 'idempotency-key': `"${key}"` },
          });
      removalTried = removing ? { ...target, baseVersion: version } : undefined;
      // The cap only stops a runaway loop: with 20 clients on one version, an unlucky one may lose
      // hundreds of rounds in a row, which is contention, not a lost update.
      if (answer.status === 412 && attempt < 2000) continue;
      if (answer.status === 201) outcomes.push({ kind: 'added', entry: answer.body.entry as Entry, baseVersion: version, at: Date.now() });
      else if (answer.status === 200) outcomes.push({ kind: 'removed', entry: answer.body.removed as Entry, baseVersion: version, at: Date.now() });
      else outcomes.push({ kind: 'failed', intent: removing ? 'remove' : 'add', targetId: removing ? target.id : undefined, status: answer.status });
      break;
    }
  }
  return outcomes;
}

/** What the list and the audit trail hold after the load, for {@link judgeEdits}. */
export type FinalState = {
  readonly entries: readonly Entry[];
  readonly version: number;
  readonly audited: readonly { action: 'add' | 'remove'; id: string }[];
};

/** Read the final list and every audit record of list changes through `client`. */
export async function readFinalState(client: HaClient): Promise<FinalState> {
  const list = await client.send({ method: 'GET', path: '/v1/authorized-accounts' });
  if (list.status !== 200) throw new Error(`Reading the final list failed: ${String(list.status)} ${JSON.stringify(list.body)}`);
  const audited: { action: 'add' | 'remove'; id: string }[] = [];
  let before: number | null = null;
  do {
    const page = await client.send({ method: 'GET', path: `/v1/audit?limit=500${before === null ? '' : `&before=${String(before)}`}` });
    if (page.status !== 200) throw new Error(`Reading the audit failed: ${String(page.status)} ${JSON.stringify(page.body)}`);
    for (const record of page.body.records as { action: string; before: Entry | null; after: Entry | null }[]) {
      if (record.action === 'authorized-account.add' && record.after) audited.push({ action: 'add', id: record.after.id });
      if (record.action === 'authorized-account.remove' && record.before) audited.push({ action: 'remove', id: record.before.id });
    }
    before = page.body.nextBefore as number | null;
  } while (before !== null);
  return { entries: list.body.entries as Entry[], version: list.body.version as number, audited };
}

/** The verdict on a load: lost acknowledged writes, duplicates, audit mismatches, and the figures. */
export type EditVerdict = {
  readonly operations: number;
  readonly succeeded: number;
  readonly acknowledgedLost: readonly string[];
  readonly acknowledgedRemovedButPresent: readonly string[];
  readonly duplicateEntries: number;
  readonly acknowledgedNotAuditedOnce: readonly string[];
  readonly auditedTwice: readonly string[];
  /** Each applied change is one audit record and one version step. */
  readonly versionMatchesAudit: boolean;
};

/**
 * Judge the outcomes against the final state: every acknowledged addition is still there unless
 * it was later removed (or a removal of it went unanswered), every acknowledged removal is gone,
 * no SID holds a role twice, and every change is audited exactly once.
 */
export function judgeEdits(outcomes: readonly EditOutcome[], final: FinalState): EditVerdict {
  const removedIds = new Set(outcomes.flatMap((outcome) => (outcome.kind === 'removed' ? [outcome.entry.id] : [])));
  const maybeRemoved = new Set(outcomes.flatMap((outcome) => (outcome.kind === 'failed' && outcome.targetId !== undefined ? [outcome.targetId] : [])));
  const present = new Set(final.entries.map((entry) => entry.id));
  const auditCount = new Map<string, number>();
  for (const record of final.audited) auditCount.set(`${record.action} ${record.id}`, (auditCount.get(`${record.action} ${record.id}`) ?? 0) + 1);
  const acknowledged = outcomes.flatMap((outcome) => (outcome.kind === 'failed' ? [] : [outcome]));
  return {
    operations: outcomes.length,
    succeeded: acknowledged.length,
    acknowledgedLost: acknowledged
      .filter(
        (outcome) => outcome.kind === 'added' && !present.has(outcome.entry.id) && !removedIds.has(outcome.entry.id) && !maybeRemoved.has(outcome.entry.id),
      )
      .map((outcome) => outcome.entry.id),
    acknowledgedRemovedButPresent: [...removedIds].filter((id) => present.has(id)),
    duplicateEntries: final.entries.length - new Set(final.entries.map((entry) => `${entry.sid} ${entry.role}`)).size,
    acknowledgedNotAuditedOnce: acknowledged
      .map((outcome) => `${outcome.kind === 'added' ? 'add' : 'remove'} ${outcome.entry.id}`)
      .filter((key) => auditCount.get(key) !== 1),
    auditedTwice: [...auditCount].filter(([, count]) => count > 1).map(([key]) => key),
    versionMatchesAudit: final.version === final.audited.length,
  };
}

/** The longest time between two acknowledged writes after `from`: how long the deployment served no write. */
export function longestWriteGapMs(outcomes: readonly EditOutcome[], from: number): number {
  const times = outcomes
    .flatMap((outcome) => (outcome.kind === 'failed' ? [] : [outcome.at]))
    .filter((at) => at >= from)
    .sort((a, b) => a - b);
  return times.reduce((longest, at, index) => Math.max(longest, index === 0 ? at - from : at - (times[index - 1] ?? at)), 0);
}
