import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AddServerResult, DirectoryObject, FindingCode, IpcError, Role, ServerCheck } from '../../../contract/index.ts';
import { newOperationId, type AdminApi } from '../../api/admin-api.ts';
import { roleLabel } from '../../format/labels.ts';
import { CHECK_NAMES_TYPES, type LoadState } from './add-server-store.ts';

/** One object of several being added: its check, its acknowledgements, what went wrong. */
export type SeveralItem = {
  readonly sid: string;
  /** The object's name until the check names it `DOMAIN\name`. */
  readonly label: string;
  readonly checkState: LoadState;
  readonly check: ServerCheck | undefined;
  readonly acknowledged: ReadonlySet<FindingCode>;
  readonly error: IpcError | undefined;
};

/** A typed name the directory did not resolve, and why. */
export type UnresolvedName = { readonly input: string; readonly reason: string };

/** A typed name matching several objects, waiting for the "Multiple names found" choice. */
export type AmbiguousName = { readonly input: string; readonly candidates: readonly DirectoryObject[] };

/** How adding several ended: what was added, what was not and why, in one sentence. */
export type SeveralOutcome = { readonly added: readonly AddServerResult[]; readonly summary: string };

/** Several names checked and added together ("alice; bob", or several rows picked). */
export type AddSeveralState = {
  readonly role: Role | undefined;
  readonly resolveState: LoadState;
  readonly items: readonly SeveralItem[];
  readonly unresolved: readonly UnresolvedName[];
  /** The first is shown in "Multiple names found"; the rest wait their turn. */
  readonly ambiguous: readonly AmbiguousName[];
  readonly error: IpcError | undefined;
  readonly saveState: LoadState;
  /** Resolve each name in one call, then check each object found. */
  checkNames(role: Role, names: readonly string[]): Promise<void>;
  /** Check objects picked in the object picker. */
  checkObjects(role: Role, objects: readonly DirectoryObject[]): Promise<void>;
  chooseCandidate(object: DirectoryObject): Promise<void>;
  skipCandidates(): void;
  acknowledge(sid: string, code: FindingCode, checked: boolean): void;
  save(): Promise<SeveralOutcome>;
  reset(): void;
};

/** The store {@link createAddSeveralStore} returns. */
export type AddSeveralStore = StoreApi<AddSeveralState>;

const initial = { role: undefined, resolveState: 'idle', items: [], unresolved: [], ambiguous: [], error: undefined, saveState: 'idle' } as const;

/**
 * Build the store for adding several objects at once over the API.
 *
 * Each object is judged on its own (`servers:check`) and added on its own (`servers:add`),
 * one after the other, each through the same conditional, audited path as a single add: the
 * version each add names is the one the previous add produced, so another admin's change in
 * between still stops the rest. A run is abandoned by `reset` (its answers are dropped).
 */
export function createAddSeveralStore(api: AdminApi): AddSeveralStore {
  return createStore<AddSeveralState>()((set, get) => {
    let run = 0;
    const item = (object: DirectoryObject): SeveralItem => ({
      sid: object.sid,
      label: object.samAccountName ?? object.name,
      checkState: 'idle',
      check: undefined,
      acknowledged: new Set(),
      error: undefined,
    });
    const update = (sid: string, change: Partial<SeveralItem>) => {
      set({ items: get().items.map((entry) => (entry.sid === sid ? { ...entry, ...change } : entry)) });
    };
    const checkPending = async (mine: number) => {
      const { role } = get();
      for (const pending of get().items.filter((entry) => entry.checkState === 'idle')) {
        if (run !== mine || role === undefined) return;
        update(pending.sid, { checkState: 'loading' });
        const result = await api.call('servers:check', { role, sid: pending.sid, operationId: newOperationId() });
        if (run !== mine) return;
        if (result.ok) update(pending.sid, { checkState: 'loaded', check: result.value, label: result.value.object.label });
        else update(pending.sid, { checkState: 'failed', error: result.error });
      }
    };
    const addObjects = (objects: readonly DirectoryObject[]) => {
      const known = new Set(get().items.map((entry) => entry.sid));
      set({ items: [...get().items, ...objects.filter((object) => !known.has(object.sid)).map(item)] });
    };
    return {
      ...initial,
      async checkNames(role, names) {
        const mine = ++run;
        set({ ...initial, role, resolveState: 'loading' });
        const result = await api.call('directory:resolve-names', { names: [...names], types: [...CHECK_NAMES_TYPES], operationId: newOperationId() });
        if (run !== mine) return;
        if (!result.ok) {
          set({ resolveState: 'failed', error: result.error });
          return;
        }
        const resolutions = result.value;
        addObjects(resolutions.flatMap((resolution) => (resolution.status === 'resolved' ? [resolution.object] : [])));
        set({
          resolveState: 'loaded',
          unresolved: resolutions.flatMap((resolution) => (resolution.status === 'not-found' ? [{ input: resolution.input, reason: resolution.reason }] : [])),
          ambiguous: resolutions.flatMap((resolution) =>
            resolution.status === 'ambiguous' ? [{ input: resolution.input, candidates: resolution.candidates }] : [],
          ),
        });
        await checkPending(mine);
      },
      async checkObjects(role, objects) {
        const mine = ++run;
        set({ ...initial, role, resolveState: 'loaded' });
        addObjects(objects);
        await checkPending(mine);
      },
      async chooseCandidate(object) {
        set({ ambiguous: get().ambiguous.slice(1) });
        addObjects([object]);
        await checkPending(run);
      },
      skipCandidates() {
        const [skipped, ...rest] = get().ambiguous;
        if (!skipped) return;
        const reason = `${String(skipped.candidates.length)} objects match; none was chosen.`;
        set({ ambiguous: rest, unresolved: [...get().unresolved, { input: skipped.input, reason }] });
      },
      acknowledge(sid, code, checked) {
        const entry = get().items.find((candidate) => candidate.sid === sid);
        if (!entry) return;
        const acknowledged = new Set(entry.acknowledged);
        if (checked) acknowledged.add(code);
        else acknowledged.delete(code);
        update(sid, { acknowledged });
      },
      async save() {
        const state = get();
        const { role } = state;
        if (role === undefined || !selectCanSaveSeveral(state)) return { added: [], summary: '' };
        set({ saveState: 'loading', error: undefined });
        const added: AddServerResult[] = [];
        const failed: string[] = [];
        let versionTag: string | undefined;
        for (const entry of state.items) {
          if (!entry.check) continue;
          const acknowledged = entry.check.findings.filter((finding) => finding.severity === 'warning').map((finding) => finding.code);
          const result = await api.call('servers:add', {
            role,
            sid: entry.sid,
            acknowledged,
            versionTag: versionTag ?? entry.check.versionTag,
            operationId: newOperationId(),
          });
          if (result.ok) {
            added.push(result.value);
            versionTag = result.value.versionTag;
          } else failed.push(`${entry.label} (${result.error.title})`);
        }
        set({ saveState: added.length > 0 ? 'loaded' : 'failed' });
        return { added, summary: summaryOf(added, failed, role) };
      },
      reset() {
        run += 1;
        set({ ...initial });
      },
    };
  });
}

function summaryOf(added: readonly AddServerResult[], failed: readonly string[], role: Role): string {
  const names = added.map((result) => result.entry.name).join(', ');
  const done = added.length === 0 ? 'Nothing was added.' : `Added ${String(added.length)} as ${roleLabel(role)}: ${names}.`;
  return failed.length === 0 ? done : `${done} Not added: ${failed.join(', ')}.`;
}

/**
 * Whether Save may add them all: every name resolved and chosen, every object checked with
 * no error finding, every warning acknowledged, nothing running.
 *
 * A name not found blocks Save, as in the Windows object picker: the admin corrects the
 * list rather than adds part of it without noticing.
 */
export function selectCanSaveSeveral(state: AddSeveralState): boolean {
  if (state.items.length === 0 || state.ambiguous.length > 0 || state.unresolved.length > 0 || state.saveState === 'loading') return false;
  return state.items.every((entry) => {
    const { check } = entry;
    if (entry.checkState !== 'loaded' || check === undefined || check.role !== state.role) return false;
    return check.findings.every((finding) => finding.severity === 'info' || (finding.severity === 'warning' && entry.acknowledged.has(finding.code)));
  });
}
