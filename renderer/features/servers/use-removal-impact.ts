import { useEffect, useState } from 'react';
import type { AuthorizedAccount, IpcError, RemovalImpact } from '../../../contract/index.ts';
import { newOperationId } from '../../api/admin-api.ts';
import { useAdminApi } from '../../api/api-context.tsx';
import type { LoadState } from '../../stores/load-state.ts';

/** Who loses access if an entry goes, as main read it from the directory, and where the read stands. */
export type RemovalImpactState = { readonly loadState: LoadState; readonly impact: RemovalImpact | undefined; readonly error: IpcError | undefined };

const IDLE: RemovalImpactState = { loadState: 'idle', impact: undefined, error: undefined };

/**
 * Ask main (`servers:removal-impact`) what the entry about to be removed stands for.
 *
 * Asked while the confirmation is open for that entry; closing it cancels a read still
 * running (a large group takes a while), and a late answer for another entry is dropped.
 */
export function useRemovalImpact(entry: AuthorizedAccount | undefined): RemovalImpactState {
  const api = useAdminApi();
  const [state, setState] = useState<RemovalImpactState>(IDLE);
  const sid = entry?.sid;
  useEffect(() => {
    if (sid === undefined) {
      setState(IDLE);
      return;
    }
    const operationId = newOperationId();
    let current = true;
    let answered = false;
    setState({ loadState: 'loading', impact: undefined, error: undefined });
    void api.call('servers:removal-impact', { sid, operationId }).then((answer) => {
      answered = true;
      if (!current) return;
      setState(answer.ok ? { loadState: 'loaded', impact: answer.value, error: undefined } : { loadState: 'failed', impact: undefined, error: answer.error });
    });
    return () => {
      current = false;
      if (!answered) void api.call('operation:cancel', { operationId });
    };
  }, [api, sid]);
  return state;
}
