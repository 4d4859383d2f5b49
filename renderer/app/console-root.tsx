import { FluentProvider, makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';
import type { AdminApi } from '../api/admin-api.ts';
import { ApiProvider } from '../api/api-context.tsx';
import type { AppStores } from '../stores/app-stores.ts';
import { StoresProvider } from '../stores/stores-context.tsx';
import { App } from './app.tsx';
import { useSystemTheme } from './use-system-theme.ts';

const useStaticStyles = makeStaticStyles({
  body: { margin: 0 },
});

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
});

/**
 * The providers around the console: theme (following the system), API and stores.
 *
 * Split from `main.tsx` so tests and the composition root render the very same tree.
 */
export function ConsoleRoot(props: { api: AdminApi; stores: AppStores }) {
  useStaticStyles();
  const styles = useStyles();
  const theme = useSystemTheme();
  return (
    <FluentProvider theme={theme}>
      {/* Page styles sit on an inner div: Fluent copies the provider's classes to portals. */}
      <div className={styles.root}>
        <ApiProvider api={props.api}>
          <StoresProvider stores={props.stores}>
            <App />
          </StoresProvider>
        </ApiProvider>
      </div>
    </FluentProvider>
  );
}
