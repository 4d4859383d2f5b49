import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { AdminApi } from '../../../api/admin-api.ts';
import { ApiProvider } from '../../../api/api-context.tsx';

/**
 * Render a component as the console does: inside Fluent's provider, with an API given.
 *
 * Fluent's focus management (tabster) and theming need the provider; components reach the
 * main process only through the API context, which tests fill with a fake.
 */
export function renderWithApi(api: AdminApi, element: ReactElement): RenderResult {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ApiProvider api={api}>{element}</ApiProvider>
    </FluentProvider>,
  );
}
