import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { SignInPage } from '../features/sign-in/sign-in-page.tsx';
import { useStores } from '../stores/stores-context.tsx';
import { ConsoleFrame } from './console-frame.tsx';

const useStyles = makeStyles({
  starting: { padding: tokens.spacingVerticalXXL },
});

/**
 * The console: the sign-in page until a session exists, then the frame with its views.
 *
 * On start it asks main for a session to resume (a reloaded window keeps its sign-in); a
 * failed check simply shows the sign-in page.
 */
export function App() {
  const styles = useStyles();
  const { session: sessionStore } = useStores();
  const loadState = useStore(sessionStore, (state) => state.loadState);
  const session = useStore(sessionStore, (state) => state.session);

  useEffect(() => {
    if (sessionStore.getState().loadState === 'idle') void sessionStore.getState().resume();
  }, [sessionStore]);

  switch (loadState) {
    case 'idle':
    case 'loading':
      return (
        <main className={styles.starting}>
          <Spinner label="Starting the console…" />
        </main>
      );
    case 'loaded':
    case 'failed':
      return session ? <ConsoleFrame session={session} /> : <SignInPage />;
  }
}
