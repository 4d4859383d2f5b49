import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AddServerResult, DirectoryObject, Finding, FindingCode, IpcError, ObjectTypeFilter, Role, ServerCheck } from '../../../contract/index.ts';
import { newOperationId, type AdminApi } from '../../api/admin-api.ts';

/** The load states of the style guide. */
export type LoadState = 'idle' | 'loading' | 'loaded' | 'failed';
/** Which long step runs (it names the spinner). */
export type AddServerStep = 'resolving-names' | 'checking-grant';
/** How a save ended, for the dialog to close, report or stay. */
export type SaveOutcome = { readonly kind: 'added'; readonly result: AddServerResult } | { readonly kind: 'list-changed' } | { readonly kind: 'not-saved' };

/**
 * What Check Names looks for: every kind of security principal, whatever the role.
 *
 * Narrowing by role here would turn "a user given the Exchange role" into "not found"; finding
 * the object and letting the policy explain why it is wrong for the role (its error finding
 * says what to authorize instead) is what helps. Contacts and other objects are left out: they
 * have no SID to authorize.
 */
export const CHECK_NAMES_TYPES: readonly ObjectTypeFilter[] = ['user', 'computer', 'group', 'service-account'];

/** The add dialog's state: role, typed name, the check and its findings, acknowledgements, save. */
export type AddServerState = {
  readonly role: Role | undefined;
  readonly name: string;
  readonly checkState: LoadState;
  readonly step: AddServerStep | undefined;
  readonly operationId: string | undefined;
  /** Non-empty while the "Multiple names found" chooser is open. */
  readonly candidates: readonly DirectoryObject[];
  readonly check: ServerCheck | undefined;
  readonly findings: readonly Finding[];
  readonly acknowledged: ReadonlySet<FindingCode>;
  readonly saveState: LoadState;
  readonly error: IpcError | undefined;
  readonly validation: { readonly role?: string; readonly name?: string };
  /** Said once the check ran again because the list changed while the dialog was open. */
  readonly recheckNote: string | undefined;
  setRole(role: Role): void;
  /** The role, or a validation message on the Role field when none is chosen yet. */
  demandRole(): Role | undefined;
  setName(name: string): void;
  checkNames(): Promise<void>;
  chooseCandidate(object: DirectoryObject): Promise<void>;
  dismissCandidates(): void;
  checkObject(object: DirectoryObject): Promise<void>;
  acknowledge(code: FindingCode, checked: boolean): void;
  cancel(): Promise<void>;
  save(): Promise<SaveOutcome>;
  /**
   * The list changed elsewhere (now at `listVersion`): a finished check was judged against an
   * older list, so run it again before Save can send it (rather than let Save fail).
   */
  listMoved(listVersion: number): Promise<void>;
  reset(): void;
};

/** The store {@link createAddServerStore} returns. */
export type AddServerStore = StoreApi<AddServerState>;

const unchecked = {
  checkState: 'idle',
  step: undefined,
  operationId: undefined,
  candidates: [],
  check: undefined,
  findings: [],
  acknowledged: new Set<FindingCode>(),
  saveState: 'idle',
  error: undefined,
  recheckNote: undefined,
} as const;
const initial = { role: undefined, name: '', validation: {}, ...unchecked } as const;

/**
 * Build the add dialog's store over the API.
 *
 * Findings belong to one (role, object, list version): changing the role or the name drops
 * them and abandons any check under way, so Save can never send acknowledgements given for
 * a different question. Answers to an abandoned operation are recognised by their operation
 * id and dropped.
 */
export function createAddServerStore(api: AdminApi): AddServerStore {
  return createStore<AddServerState>()((set, get) => {
    const abandon = () => {
      const { operationId } = get();
      if (operationId !== undefined) void api.call('operation:cancel', { operationId });
    };
    const fail = (error: IpcError) => {
      set(error.code === 'CANCELLED' ? { ...unchecked } : { checkState: 'failed', step: undefined, operationId: undefined, error });
    };
    const runCheck = async (role: Role, sid: string) => {
      const operationId = newOperationId();
      set({ checkState: 'loading', step: 'checking-grant', operationId, error: undefined });
      const result = await api.call('servers:check', { role, sid, operationId });
      if (get().operationId !== operationId) return;
      if (!result.ok) {
        fail(result.error);
        return;
      }
      const check = result.value;
      set({ ...unchecked, checkState: 'loaded', check, findings: check.findings, name: check.object.label });
    };
    // A change that lands while a re-check runs may not be in what that check read.
    let rechecking = false;
    let movedMeanwhile: number | undefined;
    const requireRole = (): Role | undefined => {
      const { role } = get();
      if (role === undefined) set({ validation: { role: 'Choose the role this server plays first.' } });
      return role;
    };
    return {
      ...initial,
      setRole(role) {
        if (role === get().role) return;
        abandon();
        set({ role, ...unchecked, validation: {} });
      },
      demandRole: requireRole,
      setName(name) {
        if (name === get().name) return;
        abandon();
        const { role } = get().validation;
        set({ name, ...unchecked, validation: role === undefined ? {} : { role } });
      },
      async checkNames() {
        const text = get().name.trim();
        const role = requireRole();
        if (role === undefined) return;
        if (text === '') {
          set({ validation: { name: 'Type a name to check, or browse for it.' } });
          return;
        }
        abandon();
        const operationId = newOperationId();
        set({ ...unchecked, checkState: 'loading', step: 'resolving-names', operationId, validation: {} });
        const result = await api.call('directory:resolve-names', { names: [text], types: [...CHECK_NAMES_TYPES], operationId });
        if (get().operationId !== operationId) return;
        if (!result.ok) {
          fail(result.error);
          return;
        }
        const [resolution] = result.value;
        if (resolution?.status === 'resolved') {
          await runCheck(role, resolution.object.sid);
          return;
        }
        if (resolution?.status === 'ambiguous') {
          set({ ...unchecked, candidates: resolution.candidates });
          return;
        }
        const reason = resolution?.reason ?? `No object named “${text}” was found.`;
        set({ ...unchecked, checkState: 'loaded', findings: [{ code: 'NOT_FOUND', severity: 'error', message: reason, accounts: [] }] });
      },
      async chooseCandidate(object) {
        const role = requireRole();
        set({ candidates: [] });
        if (role !== undefined) await runCheck(role, object.sid);
      },
      dismissCandidates() {
        set({ candidates: [] });
      },
      async checkObject(object) {
        const role = requireRole();
        if (role === undefined) return;
        abandon();
        set({ name: object.samAccountName ?? object.name, ...unchecked, validation: {} });
        await runCheck(role, object.sid);
      },
      acknowledge(code, checked) {
        const acknowledged = new Set(get().acknowledged);
        if (checked) acknowledged.add(code);
        else acknowledged.delete(code);
        set({ acknowledged });
      },
      async cancel() {
        const { operationId } = get();
        if (operationId === undefined) return;
        set({ ...unchecked });
        await api.call('operation:cancel', { operationId });
      },
      async save() {
        const state = get();
        const { check } = state;
        if (!check || state.role === undefined || !selectCanSave(state)) return { kind: 'not-saved' };
        set({ saveState: 'loading', error: undefined });
        const acknowledged = selectWarnings(state).map((finding) => finding.code);
        const result = await api.call('servers:add', {
          role: state.role,
          sid: check.object.sid,
          acknowledged,
          versionTag: check.versionTag,
          operationId: newOperationId(),
        });
        if (result.ok) {
          set({ saveState: 'loaded' });
          return { kind: 'added', result: result.value };
        }
        set({ saveState: 'failed', error: result.error.code === 'LIST_CHANGED' ? undefined : result.error });
        return result.error.code === 'LIST_CHANGED' ? { kind: 'list-changed' } : { kind: 'not-saved' };
      },
      async listMoved(listVersion) {
        const before = get();
        const { check, role } = before;
        if (rechecking) {
          movedMeanwhile = listVersion;
          return;
        }
        if (before.saveState !== 'idle' || before.checkState !== 'loaded' || check === undefined || role === undefined) return;
        rechecking = true;
        try {
          await runCheck(role, check.object.sid);
        } finally {
          rechecking = false;
        }
        const after = get();
        if (after.checkState !== 'loaded' || after.check?.object.sid !== check.object.sid || after.role !== role) {
          movedMeanwhile = undefined;
          return;
        }
        // Acknowledgements stand only for the very same findings; anything new is read again.
        const sameFindings = JSON.stringify(after.findings) === JSON.stringify(before.findings);
        set({
          acknowledged: sameFindings ? before.acknowledged : new Set<FindingCode>(),
          recheckNote: `The list changed while this dialog was open: checked again against version ${String(listVersion)}.`,
        });
        if (movedMeanwhile !== undefined) {
          const latest = movedMeanwhile;
          movedMeanwhile = undefined;
          await get().listMoved(latest);
        }
      },
      reset() {
        abandon();
        set({ ...initial });
      },
    };
  });
}

/** The warnings of the current findings (each needs an acknowledgement). */
export const selectWarnings = (state: AddServerState): readonly Finding[] => state.findings.filter((finding) => finding.severity === 'warning');

/**
 * Whether Save may be pressed: a finished check for the current role, no error finding,
 * every warning acknowledged, nothing running.
 */
export function selectCanSave(state: AddServerState): boolean {
  if (state.checkState !== 'loaded' || !state.check || state.check.role !== state.role || state.saveState === 'loading') return false;
  if (state.findings.some((finding) => finding.severity === 'error')) return false;
  return selectWarnings(state).every((finding) => state.acknowledged.has(finding.code));
}
