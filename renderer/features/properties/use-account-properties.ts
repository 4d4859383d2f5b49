import { useCallback } from 'react';
import { useStore } from 'zustand';
import type { AccountProperties } from '../../../contract/index.ts';
import { useStores } from '../../stores/stores-context.tsx';
import type { PropertiesTarget } from './properties-store.ts';

/**
 * `openAccountProperties` for any page: a row's double-click, Enter, or a "Properties" menu item.
 *
 * The panel itself is mounted once by the console frame, so a page only names the account.
 */
export function useOpenAccountProperties(): (target: PropertiesTarget) => void {
  const { properties } = useStores();
  return useCallback(
    (target: PropertiesTarget) => {
      properties.getState().openAccountProperties(target);
    },
    [properties],
  );
}

/** The account the panel shows, once read (sections render only then). */
export function useShownProperties(): AccountProperties {
  const properties = useStore(useStores().properties, (state) => state.properties);
  if (properties === undefined) throw new Error('A properties section renders only once the account is read.');
  return properties;
}
