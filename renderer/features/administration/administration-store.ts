import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AdminRole, Administration, DirectoryObject, IpcError, RoleBasedAdministrator } from '../../../contract/index.ts';
import type { AdminApi } from '../../api/admin-api.ts';
import type { LoadState } from '../../stores/load-state.ts';
import { ADMIN_ROLE_LABELS } from '../../format/labels.ts';

/** The Administration page's state: what the service holds, and the change in progress. */
export type AdministrationState = {
  readonly administration: Administration | undefined;
  readonly loadState: LoadState;
  readonly error: IpcError | undefined;
  /** A change is being sent: every change button waits. */
  readonly changing: boolean;
  /** What the last change did, for the status line ("CORP\IT Ops now holds ConnectorAdministrator."). */
  readonly notice: string | undefined;
  /**
   * The service refused a change with GLOBAL_ADMINISTRATOR_REQUIRED: the role was taken since
   * sign-in, so the page turns read-only as it is for a ConnectorAdministrator.
   */
  readonly refusedAsNotGlobal: boolean;
  refresh(): Promise<void>;
  /** Read again after another admin's change, keeping what is on screen (a refusal, the notice) and no spinner. */
  follow(): Promise<void>;
  /** Each change answers its refusal, or undefined once it was made (and the page reloaded). */
  add(object: DirectoryObject, role: AdminRole): Promise<IpcError | undefined>;
  remove(assignment: RoleBasedAdministrator): Promise<IpcError | undefined>;
  setOnboardingGroup(object: DirectoryObject): Promise<IpcError | undefined>;
  clearOnboardingGroup(): Promise<IpcError | undefined>;
};

/** The store {@link createAdministrationStore} returns. */
export type AdministrationStore = StoreApi<AdministrationState>;

/**
 * The Administration page's store: role assignments and onboarding control, read and changed
 * through main (`administration:*`).
 *
 * Every change sends the version the page shows; when another admin changed something
 * meanwhile (`ADMINISTRATION_CHANGED`) the page reloads and shows why nothing was changed.
 */
export function createAdministrationStore(api: AdminApi): AdministrationStore {
  return createStore<AdministrationState>()((set, get) => {
    const change = async (work: (version: number) => Promise<{ ok: true; notice: string } | { ok: false; error: IpcError }>): Promise<IpcError | undefined> => {
      const version = get().administration?.version;
      if (version === undefined || get().changing) return get().error;
      set({ changing: true, error: undefined, notice: undefined });
      const outcome = await work(version);
      if (outcome.ok) {
        set({ changing: false, notice: outcome.notice });
        await get().refresh();
        return undefined;
      }
      set({ changing: false, error: outcome.error, refusedAsNotGlobal: get().refusedAsNotGlobal || outcome.error.code === 'GLOBAL_ADMINISTRATOR_REQUIRED' });
      if (outcome.error.code === 'ADMINISTRATION_CHANGED') await reload();
      return outcome.error;
    };
    // A reload after a refusal keeps the refusal on screen.
    const reload = async () => {
      const answer = await api.call('administration:get', {});
      if (answer.ok) set({ administration: answer.value, loadState: 'loaded' });
    };
    return {
      administration: undefined,
      loadState: 'idle',
      error: undefined,
      changing: false,
      notice: undefined,
      refusedAsNotGlobal: false,
      follow: () => reload(),
      async refresh() {
        set({ loadState: 'loading', error: undefined });
        const answer = await api.call('administration:get', {});
        set(answer.ok ? { administration: answer.value, loadState: 'loaded' } : { loadState: 'failed', error: answer.error });
      },
      add: (object, role) =>
        change(async (version) => {
          const answer = await api.call('administration:add-administrator', { sid: object.sid, role, version });
          return answer.ok ? { ok: true, notice: `${answer.value.administrator.name} is now a ${ADMIN_ROLE_LABELS[role]}.` } : answer;
        }),
      remove: (assignment) =>
        change(async (version) => {
          const answer = await api.call('administration:remove-administrator', { sid: assignment.sid, role: assignment.role, version });
          return answer.ok ? { ok: true, notice: `${answer.value.removed.name} is no longer a ${ADMIN_ROLE_LABELS[assignment.role]}.` } : answer;
        }),
      setOnboardingGroup: (object) =>
        change(async (version) => {
          const answer = await api.call('administration:set-onboarding-group', { sid: object.sid, version });
          return answer.ok ? { ok: true, notice: `Only members of ${answer.value.onboardingControl.group?.name ?? ''} may now sign in.` } : answer;
        }),
      clearOnboardingGroup: () =>
        change(async (version) => {
          const answer = await api.call('administration:clear-onboarding-group', { version });
          return answer.ok ? { ok: true, notice: 'Onboarding control cleared: every administrator may sign in.' } : answer;
        }),
    };
  });
}
