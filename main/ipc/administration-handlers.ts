import { ConnectorError } from '../../core/connector/index.ts';
import { consoleFailure } from './console-failure.ts';
import type { HandlerTable } from './handler-types.ts';
import { sessionHandler } from './handler-types.ts';

/**
 * What a change of an administration that moved since the page read it answers (the service's 412).
 *
 * The page reloads on this code, so the message can say the current state is shown.
 */
export const ADMINISTRATION_CHANGED = {
  code: 'ADMINISTRATION_CHANGED',
  title: 'The administration changed since it was read',
  message: 'Another administrator changed the role assignments or onboarding control meanwhile: the page shows them as they are now. Check, then try again.',
} as const;

type AdministrationChannel =
  | 'administration:get'
  | 'administration:add-administrator'
  | 'administration:remove-administrator'
  | 'administration:set-onboarding-group'
  | 'administration:clear-onboarding-group';

/**
 * The Administration page's channels: role-based administrators and onboarding control, through
 * the signed-in session's client.
 *
 * The renderer names accounts by the SID the directory gave it; the service checks the role
 * (GlobalAdministrator), resolves the SID in its own directory, stores that name and audits the
 * change. Every change is conditional on the version the page shows.
 */
export function createAdministrationHandlers(): Pick<HandlerTable, AdministrationChannel> {
  return {
    'administration:get': sessionHandler((_request, { session, signal }) => session.client.administration({ signal })),
    'administration:add-administrator': sessionHandler(({ sid, role, version }, { session, signal }) =>
      whenCurrent(() => session.client.addAdministrator({ sid, role }, version, { signal })),
    ),
    'administration:remove-administrator': sessionHandler(({ sid, role, version }, { session, signal }) =>
      whenCurrent(() => session.client.removeAdministrator(role, sid, version, { signal })),
    ),
    'administration:set-onboarding-group': sessionHandler(({ sid, version }, { session, signal }) =>
      whenCurrent(() => session.client.setOnboardingControl({ sid }, version, { signal })),
    ),
    'administration:clear-onboarding-group': sessionHandler(({ version }, { session, signal }) =>
      whenCurrent(() => session.client.clearOnboardingControl(version, { signal })),
    ),
  };
}

async function whenCurrent<T>(change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof ConnectorError && error.code === 'PRECONDITION_FAILED')
      throw consoleFailure(ADMINISTRATION_CHANGED.code, ADMINISTRATION_CHANGED.title, ADMINISTRATION_CHANGED.message);
    throw error;
  }
}
