import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAdminApi } from './api/admin-api.ts';
import { ConsoleRoot } from './app/console-root.tsx';
import { MissingBridgePage } from './app/missing-bridge-page.tsx';
import { createAppStores } from './stores/app-stores.ts';

/*
 * The composition root: the only place that reads `window.adminBridge` and builds the stores.
 * Everything below receives the API and the stores through providers.
 */
const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  const bridge = window.adminBridge;
  if (bridge) {
    const api = createAdminApi(bridge);
    root.render(
      <StrictMode>
        <ConsoleRoot api={api} stores={createAppStores(api)} />
      </StrictMode>,
    );
  } else {
    root.render(<MissingBridgePage />);
  }
}
