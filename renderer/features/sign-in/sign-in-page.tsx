import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ConsoleDefaults, IpcError } from '../../../contract/index.ts';
import { useAdminApi } from '../../api/api-context.tsx';
import type { LoadState } from '../../stores/load-state.ts';
import { SignInCard } from './sign-in-card.tsx';

const useStyles = makeStyles({
  main: { display: 'flex', justifyContent: 'center', padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}` },
});

/**
 * The sign-in page: reads the last settings (`console:get-defaults`), then shows the form.
 *
 * The form appears only once the defaults are in (or known to be missing), so a prefill never
 * overwrites what the admin has started typing.
 */
export function SignInPage() {
  const styles = useStyles();
  const api = useAdminApi();
  const [loadState, setLoadState] = useState<LoadState>('idle');
  const [defaults, setDefaults] = useState<ConsoleDefaults | undefined>(undefined);
  const [error, setError] = useState<IpcError | undefined>(undefined);

  useEffect(() => {
    let live = true;
    setLoadState('loading');
    void api.call('console:get-defaults', {}).then((result) => {
      if (!live) return;
      if (result.ok) setDefaults(result.value);
      else setError(result.error);
      setLoadState(result.ok ? 'loaded' : 'failed');
    });
    return () => {
      live = false;
    };
  }, [api]);

  switch (loadState) {
    case 'idle':
    case 'loading':
      return (
        <main className={styles.main}>
          <Spinner label="Reading the last settings…" />
        </main>
      );
    case 'loaded':
    case 'failed':
      return (
        <main className={styles.main}>
          <SignInCard defaults={defaults} defaultsError={error} />
        </main>
      );
  }
}
