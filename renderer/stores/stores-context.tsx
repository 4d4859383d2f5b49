import { createContext, useContext, type ReactNode } from 'react';
import type { AppStores } from './app-stores.ts';

const StoresContext = createContext<AppStores | undefined>(undefined);

/**
 * Provide the console's stores to the component tree.
 *
 * Stores are made by the composition root with their API (never module singletons), so each
 * test renders with fresh stores over a fake API.
 */
export function StoresProvider(props: { stores: AppStores; children: ReactNode }) {
  return <StoresContext.Provider value={props.stores}>{props.children}</StoresContext.Provider>;
}

/** The stores given to the nearest {@link StoresProvider}. */
export function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores needs a StoresProvider above it.');
  return stores;
}
