import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { AdminApi } from '../api/admin-api.ts';
import { ApiProvider } from '../api/api-context.tsx';
import { createAppStores, type AppStores } from '../stores/app-stores.ts';
import { StoresProvider } from '../stores/stores-context.tsx';

/**
 * Render a piece of the console as the composition root would: theme, API and fresh stores.
 *
 * Returns the stores too, so a test can arrange or inspect state without reaching into React.
 */
export function renderConsole(ui: ReactNode, api: AdminApi): RenderResult & { stores: AppStores } {
  const stores = createAppStores(api);
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <ApiProvider api={api}>
        <StoresProvider stores={stores}>{ui}</StoresProvider>
      </ApiProvider>
    </FluentProvider>,
  );
  return { ...result, stores };
}
