import { FluentProvider, makeStaticStyles, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { AdminApi } from '../api/admin-api.ts';
import { ApiProvider } from '../api/api-context.tsx';
import type { AppStores } from '../stores/app-stores.ts';
import { StoresProvider } from '../stores/stores-context.tsx';
import { App } from './app.tsx';
import { CONTROL_STYLE_HOOKS } from './control-style-hooks.ts';
import { useSystemTheme } from './use-system-theme.ts';

const useStaticStyles = makeStaticStyles({
  body: { margin: 0 },
});

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  light: { colorScheme: 'light' },
  dark: { colorScheme: 'dark' },
});

/**
 * The providers around the console: theme (following the system), API and stores.
 *
 * Split from `main.tsx` so tests and the composition root render the very same tree. The
 * colour scheme is set on the document too, so native controls in dialogs (rendered in
 * portals outside the root) follow the theme as well.
 */
export function ConsoleRoot(props: { api: AdminApi; stores: AppStores }) {
  useStaticStyles();
  const styles = useStyles();
  const { theme, colorScheme } = useSystemTheme();
  useEffect(() => {
    document.documentElement.style.colorScheme = colorScheme;
  }, [colorScheme]);
  return (
    <FluentProvider theme={theme} customStyleHooks_unstable={CONTROL_STYLE_HOOKS}>
      {/* Page styles sit on an inner div: Fluent copies the provider's classes to portals. */}
      <div className={mergeClasses(styles.root, styles[colorScheme])}>
        <ApiProvider api={props.api}>
          <StoresProvider stores={props.stores}>
            <App />
          </StoresProvider>
        </ApiProvider>
      </div>
    </FluentProvider>
  );
}
