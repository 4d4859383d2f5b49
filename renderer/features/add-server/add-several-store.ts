import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AuthorizedAccount, DirectoryObject, FindingCode, IpcError, Role, ServerCheck } from '../../../contract/index.ts';
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

/**
 * How adding several ended, in one sentence each: all added in one change (`added`), none
 * because the list moved (`list-changed`: the page offers Reload), or none for another reason
 * (`not-saved`, the error shown in the dialog).
 */
export type SeveralOutcome =
  | { readonly kind: 'added'; readonly added: readonly AuthorizedAccount[]; readonly summary: string }
  | { readonly kind: 'list-changed' | 'not-saved'; readonly summary: string };

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
 * Each object is judged on its own (`servers:check`), then all are saved in one call
 * (`servers:add-several`): main judges them again, each next to the others, and the service
 * adds every one or none, conditional on the version the checks judged, audited per entry. A
 * run is abandoned by `reset` (its answers are dropped).
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
        if (role === undefined || !selectCanSaveSeveral(state)) return { kind: 'not-saved', summary: '' };
        const checked = state.items.flatMap((entry) => (entry.check === undefined ? [] : [{ sid: entry.sid, check: entry.check }]));
        const versionTags = new Set(checked.map(({ check }) => check.versionTag));
        const [versionTag] = versionTags;
        // Checks judged against different versions: the list moved while they ran.
        if (versionTags.size !== 1 || versionTag === undefined) return { kind: 'list-changed', summary: NOTHING_ADDED_LIST_CHANGED };
        set({ saveState: 'loading', error: undefined });
        const result = await api.call('servers:add-several', {
          role,
          accounts: checked.map(({ sid, check }) => ({
            sid,
            acknowledged: check.findings.filter((finding) => finding.severity === 'warning').map((finding) => finding.code),
          })),
          versionTag,
          operationId: newOperationId(),
        });
        if (!result.ok) {
          if (result.error.code === 'LIST_CHANGED') {
            set({ saveState: 'failed' });
            return { kind: 'list-changed', summary: NOTHING_ADDED_LIST_CHANGED };
          }
          set({ saveState: 'failed', error: result.error });
          return { kind: 'not-saved', summary: `Nothing was added: ${result.error.title}.` };
        }
        set({ saveState: 'loaded' });
        return { kind: 'added', added: result.value.added, summary: summaryOf(result.value.added, checked.length, role) };
      },
      reset() {
        run += 1;
        set({ ...initial });
      },
    };
  });
}

const NOTHING_ADDED_LIST_CHANGED = 'Nothing was added: the list was changed by someone else. Reload it, then add them again.';

function summaryOf(added: readonly AuthorizedAccount[], chosen: number, role: Role): string {
  const names = added.map((entry) => entry.name).join(', ');
  const done = added.length === 0 ? 'Nothing was added.' : `Added ${String(added.length)} as ${roleLabel(role)}: ${names}.`;
  const already = chosen - added.length;
  return already > 0 ? `${done} ${String(already)} already in the list as ${roleLabel(role)}.` : done;
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
