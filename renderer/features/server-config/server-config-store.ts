import { createStore } from 'zustand/vanilla';
import {
  OutputKindSchema,
  ServerTypeSchema,
  type IpcError,
  type OutputKind,
  type ServerConfigPlan,
  type ServerConfigProfile,
  type ServerConfigSaveResult,
  type ServerType,
} from '../../../contract/index.ts';
import { newOperationId, type AdminApi } from '../../api/admin-api.ts';
import { rememberConnectorUrl, rememberedConnectorUrl } from '../../stores/connector-url-memory.ts';
import type { LoadState } from '../../stores/load-state.ts';

/** What the admin chose on the Configure servers screen. */
export type ServerConfigForm = {
  readonly connectorUrl: string;
  /** Empty: read it from the connector. */
  readonly tenantUrl: string;
  readonly profile: ServerConfigProfile;
  readonly serverTypes: readonly ServerType[];
  readonly outputs: readonly OutputKind[];
  readonly replaceExisting: boolean;
};

/** One request in flight or done: the plan (preview) and the save each have one. */
type Step<T> = { readonly loadState: LoadState; readonly error: IpcError | undefined; readonly result: T | undefined };

/** The Configure servers screen's state. */
export type ServerConfigState = {
  readonly form: ServerConfigForm;
  readonly plan: Step<ServerConfigPlan>;
  readonly save: Step<ServerConfigSaveResult>;
  /** The preview or save in progress, for `operation:cancel`. */
  readonly operationId: string | undefined;
  update(patch: Partial<ServerConfigForm>): void;
  /** Generate the preview; with an empty tenant URL main reads it from the connector. */
  preview(): Promise<void>;
  /** Read the tenant URL from the connector into the field (and preview with it). */
  readTenantUrl(): Promise<void>;
  saveFiles(): Promise<void>;
  cancel(): Promise<void>;
};

const IDLE = { loadState: 'idle', error: undefined, result: undefined } as const;

/**
 * The Configure servers store: previews with `server-config:plan`, saves with
 * `server-config:save` (main generates again and asks for the folder itself).
 *
 * Changing an input drops the preview, so what is shown always matches the fields; only the
 * latest request may write its answer.
 */
export function createServerConfigStore(api: AdminApi) {
  return createStore<ServerConfigState>()((set, get) => {
    const request = (form: ServerConfigForm, operationId: string, tenantUrl = form.tenantUrl.trim()) => ({
      connectorUrl: form.connectorUrl.trim(),
      ...(tenantUrl === '' ? {} : { tenantUrl }),
      profile: form.profile,
      operationId,
    });
    const plan = async (tenantUrl?: string): Promise<void> => {
      const form = get().form;
      const operationId = newOperationId();
      set({ operationId, plan: { ...get().plan, loadState: 'loading', error: undefined }, save: IDLE });
      const answer = await api.call('server-config:plan', request(form, operationId, tenantUrl));
      if (get().operationId !== operationId) return;
      if (answer.ok) {
        rememberConnectorUrl(form.connectorUrl.trim());
        set({
          operationId: undefined,
          plan: { loadState: 'loaded', error: undefined, result: answer.value },
          form: { ...get().form, tenantUrl: answer.value.tenantUrl },
        });
      } else {
        set({ operationId: undefined, plan: answer.error.code === 'CANCELLED' ? IDLE : { loadState: 'failed', error: answer.error, result: undefined } });
      }
    };
    return {
      form: {
        connectorUrl: rememberedConnectorUrl(),
        tenantUrl: '',
        profile: 'current',
        serverTypes: [...ServerTypeSchema.options],
        outputs: [...OutputKindSchema.options],
        replaceExisting: false,
      },
      plan: IDLE,
      save: IDLE,
      operationId: undefined,
      update(patch) {
        const previewed = 'connectorUrl' in patch || 'tenantUrl' in patch || 'profile' in patch;
        set({ form: { ...get().form, ...patch }, ...(previewed ? { plan: IDLE } : {}), save: IDLE });
      },
      preview: () => plan(),
      readTenantUrl: () => plan(''),
      async saveFiles() {
        const form = get().form;
        const operationId = newOperationId();
        set({ operationId, save: { loadState: 'loading', error: undefined, result: undefined } });
        const answer = await api.call('server-config:save', {
          ...request(form, operationId, form.tenantUrl.trim()),
          serverTypes: [...form.serverTypes],
          outputs: [...form.outputs],
          ...(form.replaceExisting ? { replaceExisting: true } : {}),
        });
        if (get().operationId !== operationId) return;
        if (answer.ok) set({ operationId: undefined, save: { loadState: 'loaded', error: undefined, result: answer.value } });
        else set({ operationId: undefined, save: answer.error.code === 'CANCELLED' ? IDLE : { loadState: 'failed', error: answer.error, result: undefined } });
      },
      async cancel() {
        const operationId = get().operationId;
        if (operationId === undefined) return;
        set({ operationId: undefined, plan: get().plan.loadState === 'loading' ? IDLE : get().plan, save: IDLE });
        await api.call('operation:cancel', { operationId });
      },
    };
  });
}

/** A server-config store (see {@link createServerConfigStore}). */
export type ServerConfigStore = ReturnType<typeof createServerConfigStore>;
