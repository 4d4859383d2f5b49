import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import type { AuthorizedAccount } from '../../../contract/index.ts';
import { useStores } from '../../stores/stores-context.tsx';
import { useLiveMovement } from '../../stores/use-live-movement.ts';
import { exposureOf, type EntryExposure } from './super-user-exposure.ts';

const EXPOSURE_TOPICS = ['list', 'super-users', 'super-user-feature'] as const;
/** How often a snapshot that lags behind the list is read again, and how many times before main expands it. */
const SNAPSHOT_RETRY_MS = 3_000;
const SNAPSHOT_RETRIES = 5;

/**
 * The super users each Exchange entry of the servers grid makes, kept live.
 *
 * Reads the service's drift snapshot (`super-users:snapshot`) when the page opens and on every
 * change of the list or the super users. A snapshot that does not cover an entry yet (the
 * service expands after the change that added it) is read again a few times; a service that
 * keeps no snapshot, has never expanded, or stays behind, is replaced by main's expansion of
 * the list (`review:super-users`, core's group expander). Until one covers an entry its badge
 * says the count is not known yet.
 */
export function useSuperUserExposure(
  entries: readonly AuthorizedAccount[],
  listVersion: number | undefined,
): (entry: AuthorizedAccount) => EntryExposure | undefined {
  const { superUserDrift, superUsers, session } = useStores();
  const driftView = useStore(superUserDrift, (state) => state.view);
  const driftLoadState = useStore(superUserDrift, (state) => state.loadState);
  const expansion = useStore(superUsers, (state) => state.result);
  const expansionLoadState = useStore(superUsers, (state) => state.loadState);
  const netbiosDomain = useStore(session, (state) => state.session?.directory.netbiosDomain ?? '');
  const retries = useRef(0);
  const expandedFor = useRef<number | undefined>(undefined);
  const hasExchange = entries.some((entry) => entry.role === 'exchange');

  useEffect(() => {
    if (hasExchange) void superUserDrift.getState().load();
  }, [superUserDrift, hasExchange]);
  useLiveMovement(
    EXPOSURE_TOPICS,
    useCallback(() => {
      retries.current = 0;
      void superUserDrift.getState().load();
    }, [superUserDrift]),
  );

  const snapshot = driftView?.kept === true ? driftView.snapshot : undefined;
  const sources = useMemo(() => ({ snapshot, expansion, listVersion, netbiosDomain }), [snapshot, expansion, listVersion, netbiosDomain]);
  const pending = entries.some((entry) => exposureOf(entry, sources)?.status === 'pending');

  useEffect(() => {
    if (!pending || listVersion === undefined || driftLoadState === 'loading' || driftLoadState === 'idle') return;
    const serviceMayCatchUp = snapshot !== undefined && snapshot.expandedAt !== null && retries.current < SNAPSHOT_RETRIES;
    if (serviceMayCatchUp) {
      const timer = setTimeout(() => {
        retries.current += 1;
        void superUserDrift.getState().load();
      }, SNAPSHOT_RETRY_MS);
      return () => {
        clearTimeout(timer);
      };
    }
    if (expansionLoadState !== 'loading' && expandedFor.current !== listVersion) {
      expandedFor.current = listVersion;
      void superUsers.getState().run();
    }
    return undefined;
  }, [pending, listVersion, snapshot, driftLoadState, expansionLoadState, superUserDrift, superUsers]);

  return useCallback((entry: AuthorizedAccount) => exposureOf(entry, sources), [sources]);
}
