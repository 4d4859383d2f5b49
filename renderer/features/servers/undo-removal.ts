import type { AddServerResult, AuthorizedAccount, IpcResult } from '../../../contract/index.ts';
import { newOperationId, type AdminApi } from '../../api/admin-api.ts';

/** What Undo needs: the entry removed and the list version the removal left. */
export type RemovedEntry = { readonly entry: AuthorizedAccount; readonly versionTag: string };

/**
 * Undo a removal: add the same object (by SID) for the same role through the ordinary add path.
 *
 * Nothing is written around the rules: main checks the object against the live list
 * (`servers:check`), a finding that blocks a grant blocks the undo too, and the warnings the
 * check raises are the acknowledgements the add path demands, given again by the admin who
 * clicked Undo on the entry they had just removed (main and the service audit the add under
 * that admin, with the codes). The add is conditional on the version the removal left: a list
 * changed by someone else meanwhile is refused with `LIST_CHANGED`, as any stale add is.
 */
export async function undoRemoval(api: AdminApi, removed: RemovedEntry): Promise<IpcResult<AddServerResult>> {
  const { entry, versionTag } = removed;
  const check = await api.call('servers:check', { role: entry.role, sid: entry.sid, operationId: newOperationId() });
  if (!check.ok) return check;
  const errors = check.value.findings.filter((finding) => finding.severity === 'error');
  if (errors.length > 0)
    return {
      ok: false,
      error: {
        code: 'BLOCKED_BY_FINDINGS',
        source: 'console',
        title: `${entry.name} cannot be added back`,
        message: `The directory or the list changed since it was removed, and adding it now is blocked: ${errors.map((finding) => finding.message).join(' ')} Use Add… to decide again.`,
        details: errors.map((finding) => finding.code),
      },
    };
  const acknowledged = [...new Set(check.value.findings.filter((finding) => finding.severity === 'warning').map((finding) => finding.code))];
  return api.call('servers:add', { role: entry.role, sid: entry.sid, acknowledged, versionTag, operationId: newOperationId() });
}
