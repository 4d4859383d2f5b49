import { REMOVAL_IMPACT_NAMES } from '../../contract/removal-impact.ts';
import { createGroupExpander } from '../../core/policy/expand-group.ts';
import { labelOf } from '../../core/policy/finding.ts';
import { throwIfCancelled } from './abortable.ts';
import type { HandlerTable } from './handler-types.ts';
import { sessionHandler } from './handler-types.ts';
import { directoryWithSignal } from './signal-directory.ts';

/**
 * `servers:removal-impact`: what the remove confirmation says an entry is and who loses access.
 *
 * The entry's object is read from the directory by SID (names shown come from the directory,
 * never from the renderer); a group is walked with core's group expander (nested groups and
 * primary-group members, each group searched once), so the count matches what the policy and
 * the super-user expansion count. Cancellable: a large group takes a while.
 */
export function createRemovalImpactHandlers(): Pick<HandlerTable, 'servers:removal-impact'> {
  return {
    'servers:removal-impact': sessionHandler(
      async (request, { session, signal }) => {
        const directory = directoryWithSignal(session.directory, signal);
        const { netbiosDomain } = directory.domain;
        const object = await directory.objectBySid(request.sid);
        if (object === undefined) return { object: null, members: null };
        const summary = { sid: object.sid, label: labelOf(object, netbiosDomain), kind: object.kind };
        if (object.kind !== 'group') return { object: summary, members: null };
        const { reached } = await createGroupExpander(directory)(object);
        throwIfCancelled(signal);
        const names = reached.map(({ account }) => labelOf(account, netbiosDomain)).sort((left, right) => left.localeCompare(right));
        return { object: summary, members: { total: names.length, first: names.slice(0, REMOVAL_IMPACT_NAMES) } };
      },
      { cancellable: true },
    ),
  };
}
