import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ChangeEvent } from '../../../contract/connector-api/index.ts';
import { DirectoryError } from '../../../core/directory/index.ts';
import type { ServiceDirectory } from '../service-directory.ts';
import type { ChangeContext, ConfigStore } from '../store/config-store.ts';
import { StoreUnavailableError } from '../store/store-unavailable.ts';
import type { SuperUserRecording } from '../store/super-user-snapshot.ts';

/** What one expansion did: recorded (or found nothing new), or why it was skipped. */
export type DriftOutcome =
  | {
      readonly kind: 'expanded';
      readonly recording: SuperUserRecording;
      readonly listVersion: number;
      readonly superUsers: number;
      readonly milliseconds: number;
    }
  | { readonly kind: 'skipped'; readonly reason: DriftSkipReason; readonly message: string };

/**
 * Why an expansion recorded nothing.
 *
 * `LOCKED`: another node is expanding (it records for everyone). `DIRECTORY_UNAVAILABLE`,
 * `ENTRIES_UNRESOLVED` (no Exchange entry resolved: a directory that answers without seeing
 * anything is treated as an outage, never as "everyone left"), `DATABASE_UNAVAILABLE`: tried again
 * at the next change or schedule.
 */
export type DriftSkipReason = 'LOCKED' | 'DIRECTORY_UNAVAILABLE' | 'ENTRIES_UNRESOLVED' | 'DATABASE_UNAVAILABLE' | 'FAILED' | 'STOPPED';

/** What the drift watcher of one node is built from. */
export type SuperUserDriftOptions = {
  readonly store: ConfigStore;
  readonly directory: Pick<ServiceDirectory, 'expandSuperUsers'>;
  readonly nodeName: string;
  /** The node's service identity, the audit's actor for what it observes (its directory bind account). */
  readonly actor: string;
  /** Seconds between scheduled expansions; 0: only after list changes that touch an Exchange entry. */
  readonly intervalSeconds: number;
  readonly now: () => Date;
  readonly log: (level: 'info' | 'warn' | 'error', message: string, details: Readonly<Record<string, unknown>>) => void;
};

/** One node's super-user drift watcher. */
export type SuperUserDrift = {
  /** Expand now (after any expansion already running on this node) and record what differs. */
  expandNow(): Promise<DriftOutcome>;
  /** Told of committed changes (the node's change hub): an Exchange entry added or removed starts an expansion. */
  changed(events: readonly ChangeEvent[]): void;
  close(): Promise<void>;
};

/** How many times one expansion starts again because the list changed while it read the directory. */
const MAX_ROUNDS = 3;

const RoleOfSchema = z.object({ role: z.string() });

/** Whether a change added or removed an Exchange entry: the only list changes that move the super users. */
export function touchesExchangeEntry(event: ChangeEvent): boolean {
  return event.records.some((record) => {
    if (record.action !== 'authorized-account.add' && record.action !== 'authorized-account.remove') return false;
    const entry = RoleOfSchema.safeParse(record.action === 'authorized-account.add' ? record.after : record.before);
    return entry.success && entry.data.role === 'exchange';
  });
}

/**
 * Watch the effective super users: expand the list's Exchange entries after every change that
 * touches one and on a schedule, and record each account that joined or left.
 *
 * One expansion runs at a time on a node, and on several nodes one node at a time (the store's
 * expansion lock: the others skip). An expansion reads the list after taking the lock, and
 * starts again when the list moved while it read the directory, so the change that a skipped
 * node was told of is never lost. A directory that cannot answer records nothing.
 */
export function startSuperUserDrift(options: SuperUserDriftOptions): SuperUserDrift {
  let closed = false;
  let tail: Promise<unknown> = Promise.resolve();
  // An expansion waiting behind the running one serves every request made meanwhile: a slow
  // directory and a short schedule never pile expansions up.
  let waiting: Promise<DriftOutcome> | undefined;
  const expand = (trigger: string): Promise<DriftOutcome> => {
    if (waiting) return waiting;
    const next = tail.then(async () => {
      waiting = undefined;
      const outcome = await expandOnce(options, () => closed);
      logOutcome(options, outcome, trigger);
      return outcome;
    });
    waiting = next;
    tail = next.catch(() => undefined);
    return next;
  };
  const runAndLog = (trigger: string) => {
    void expand(trigger);
  };
  const timer =
    options.intervalSeconds > 0
      ? setInterval(() => {
          runAndLog('schedule');
        }, options.intervalSeconds * 1000)
      : undefined;
  timer?.unref();
  // A node that starts expands once at once: its schedule would otherwise first run a full interval later.
  if (options.intervalSeconds > 0)
    setImmediate(() => {
      runAndLog('start');
    });
  return {
    expandNow: () => expand('on demand'),
    changed(events) {
      if (!closed && events.some(touchesExchangeEntry)) runAndLog('list change');
    },
    async close() {
      closed = true;
      clearInterval(timer);
      await tail;
    },
  };
}

async function expandOnce(options: SuperUserDriftOptions, isClosed: () => boolean): Promise<DriftOutcome> {
  if (isClosed()) return { kind: 'skipped', reason: 'STOPPED', message: 'The node is stopping.' };
  try {
    const attempt = await options.store.whileExpandingSuperUsers(async (): Promise<DriftOutcome> => {
      let outcome: DriftOutcome = { kind: 'skipped', reason: 'FAILED', message: 'No expansion ran.' };
      for (let round = 0; round < MAX_ROUNDS; round += 1) {
        const list = await options.store.listAuthorizedAccounts();
        const started = performance.now();
        const expansion = await options.directory.expandSuperUsers(list.entries.map(({ sid, name, role }) => ({ sid, name, role })));
        const milliseconds = Math.round(performance.now() - started);
        if (expansion.exchangeEntries > 0 && expansion.orphanedEntries === expansion.exchangeEntries)
          return {
            kind: 'skipped',
            reason: 'ENTRIES_UNRESOLVED',
            message: `None of the ${String(expansion.exchangeEntries)} Exchange entries resolved in the directory: the service account may have lost its read access. Nothing recorded; remove entries whose groups were deleted.`,
          };
        const recording = await options.store.recordSuperUsers({ listVersion: list.version, accounts: expansion.accounts }, contextOf(options));
        outcome = { kind: 'expanded', recording, listVersion: list.version, superUsers: expansion.accounts.length, milliseconds };
        if ((await options.store.authorizedAccountsVersion()) === list.version) break;
      }
      return outcome;
    });
    return attempt.ran ? attempt.value : { kind: 'skipped', reason: 'LOCKED', message: 'Another node is expanding the super users.' };
  } catch (error) {
    if (error instanceof DirectoryError) return { kind: 'skipped', reason: 'DIRECTORY_UNAVAILABLE', message: `${error.code}: ${error.message}` };
    if (error instanceof StoreUnavailableError) return { kind: 'skipped', reason: 'DATABASE_UNAVAILABLE', message: error.message };
    return { kind: 'skipped', reason: 'FAILED', message: error instanceof Error ? error.message : String(error) };
  }
}

function contextOf(options: SuperUserDriftOptions): ChangeContext {
  return {
    actor: options.actor,
    actorSid: null,
    source: options.nodeName,
    node: options.nodeName,
    correlationId: randomUUID(),
    at: options.now().toISOString(),
  };
}

function logOutcome(options: SuperUserDriftOptions, outcome: DriftOutcome, trigger: string): void {
  if (outcome.kind === 'skipped') {
    if (outcome.reason === 'LOCKED' || outcome.reason === 'STOPPED') options.log('info', 'super-user expansion skipped', { trigger, reason: outcome.reason });
    else
      options.log(outcome.reason === 'FAILED' ? 'error' : 'warn', 'super-user expansion skipped', { trigger, reason: outcome.reason, detail: outcome.message });
    return;
  }
  const { recording } = outcome;
  options.log('info', 'super users expanded', {
    trigger,
    listVersion: outcome.listVersion,
    superUsers: outcome.superUsers,
    durationMs: outcome.milliseconds,
    status: recording.status,
    version: recording.version,
    ...(recording.status === 'recorded' ? { joined: recording.joined.length, left: recording.left.length, sequence: recording.sequence } : {}),
  });
}
