import { useEffect } from 'react';
import type { ChangeTopic } from '../../contract/index.ts';
import { touchesAny, type ListMovement } from './live-changes-store.ts';
import { useStores } from './stores-context.tsx';

/**
 * Call `onMove` for each change pushed while the calling view is shown, if it touches `topics`.
 *
 * How a view that is open follows other admins' work (the audit log, the effective super
 * users, an open Add dialog); a closed view reads afresh when it opens anyway. `onMove` should
 * be stable (`useCallback`), or the subscription is renewed on every render.
 */
export function useLiveMovement(topics: readonly ChangeTopic[], onMove: (movement: ListMovement) => void): void {
  const { live } = useStores();
  const topicsKey = topics.join(' ');
  useEffect(() => {
    const wanted = topicsKey.split(' ') as ChangeTopic[];
    return live.subscribe((state, previous) => {
      if (state.latest !== undefined && state.latest !== previous.latest && touchesAny(state.latest, wanted)) onMove(state.latest);
    });
  }, [live, topicsKey, onMove]);
}
