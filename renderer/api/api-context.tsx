import { createContext, useContext, type ReactNode } from 'react';
import type { AdminApi } from './admin-api.ts';

const ApiContext = createContext<AdminApi | undefined>(undefined);

/** Provide the API to the component tree (the composition root and tests do this). */
export function ApiProvider(props: { api: AdminApi; children: ReactNode }) {
  return <ApiContext.Provider value={props.api}>{props.children}</ApiContext.Provider>;
}

/** The API given to the nearest {@link ApiProvider}. */
export function useAdminApi(): AdminApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useAdminApi needs an ApiProvider above it.');
  return api;
}
