import type { SessionSummary } from '../../contract/console-session.ts';
import type { ConsoleDependencies } from './console-dependencies.ts';
import { consoleFailure, ConsoleFailure } from './console-failure.ts';
import type { SessionState } from './session-state.ts';

/**
 * Start the demo environment if needed and sign in to it as its administrator.
 *
 * The demo's passwords stay in main: the renderer asks for the demo and gets a session
 * summary marked `demo`. Nothing is remembered (the demo is not the admin's connection).
 * A demo that fails to start says so in plain words; the reason goes to the log and the
 * answer's details (it is the demo's own message, never a password).
 */
export async function signInToDemo(dependencies: ConsoleDependencies, sessions: SessionState, signal: AbortSignal): Promise<SessionSummary> {
  const demo = dependencies.demo;
  if (demo === undefined)
    throw consoleFailure(
      'NOT_AVAILABLE',
      'The demo environment is not available',
      'This console was started without the demo environment. Use the desktop app to try it.',
    );
  let signIn;
  try {
    signIn = await demo.start(signal);
  } catch (error) {
    if (signal.aborted || error instanceof ConsoleFailure) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    dependencies.log?.({ event: 'demo-start-failed', reason });
    throw consoleFailure(
      'DEMO_FAILED',
      'The demo environment could not start',
      'The demo environment could not start on this computer. Try again; if it fails again, open the logs (Help) and report what they say.',
      [reason],
    );
  }
  return sessions.signIn({ ...signIn, demo: true }, signal);
}
