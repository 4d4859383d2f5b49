import { useEffect, useState } from 'react';
import type { IpcRequest } from '../../../contract/index.ts';
import { newOperationId } from '../../api/admin-api.ts';
import { useAdminApi } from '../../api/api-context.tsx';

/**
 * Whether "Sign in as CORP\\alice" is offered.
 *
 * `checking` only until the first answer for the screen; later answers replace the last one
 * when they arrive, so the screen does not jump while the admin edits the directory settings.
 */
export type KerberosOffer =
  | { readonly state: 'checking' }
  /** No directory to ask yet (the chosen domain or server is blank). */
  | { readonly state: 'none' }
  | { readonly state: 'available'; readonly account: string; readonly displayName: string | undefined }
  /** Why not, in the failure's own title (a quiet note under the heading). */
  | { readonly state: 'unavailable'; readonly code: string; readonly title: string };

/** How long the directory settings must rest before they are asked about again. */
const SETTLE_MS = 800;

type Location = IpcRequest<'session:probe-kerberos'>['directory'];

/**
 * Ask main (`session:probe-kerberos`) whether the current Kerberos ticket can sign in, and as whom.
 *
 * Asked at once for the first settings, then again once edited settings rest; a question
 * superseded or left behind (the screen closes) is cancelled with `operation:cancel`. A
 * failed call counts as "not offered" with its title: the password form always works.
 */
export function useKerberosOffer(location: Location | undefined): KerberosOffer {
  const api = useAdminApi();
  const [offer, setOffer] = useState<KerberosOffer>(location === undefined ? { state: 'none' } : { state: 'checking' });
  const [asked, setAsked] = useState(false);
  const key = location === undefined ? '' : JSON.stringify(location);

  useEffect(() => {
    if (location === undefined) {
      setOffer({ state: 'none' });
      return undefined;
    }
    let live = true;
    let running: string | undefined;
    const timer = setTimeout(
      () => {
        const operationId = newOperationId();
        running = operationId;
        setAsked(true);
        void api.call('session:probe-kerberos', { directory: location, operationId }).then((result) => {
          if (running === operationId) running = undefined;
          if (!live) return;
          if (!result.ok) setOffer({ state: 'unavailable', code: result.error.code, title: result.error.title });
          else if (result.value.available) setOffer({ state: 'available', account: result.value.account, displayName: result.value.displayName });
          else setOffer({ state: 'unavailable', code: result.value.code, title: result.value.title });
        });
      },
      asked ? SETTLE_MS : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
      if (running !== undefined) void api.call('operation:cancel', { operationId: running });
    };
    // `key` stands for `location` (a new object each render); `asked` only picks the delay.
  }, [api, key]);

  return offer;
}
