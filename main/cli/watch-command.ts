import type { ConnectorClient, FeedBackoff } from '../../core/connector/index.ts';
import { EXIT } from './cli-error.ts';
import type { CommandResult } from './directory-commands.ts';
import { changeLine, missedChanges, reloadLine, stateLine, visibleText } from './watch-lines.ts';

/** Where `servers watch` writes as things happen: changes to stdout, the connection's state to stderr. */
export type WatchOutput = {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
};

/** How to watch: JSON lines or text, until `signal` aborts (Ctrl+C). */
export type WatchOptions = {
  readonly json: boolean;
  readonly signal: AbortSignal;
  readonly backoff?: FeedBackoff | undefined;
  readonly now?: () => Date;
};

const SIGN_IN_AGAIN = new Set(['TOKEN_EXPIRED', 'UNAUTHENTICATED']);

/**
 * `servers watch [--json]`: print each change as it is committed on any node, until Ctrl+C.
 *
 * Lines are written as they come, not at the end: the result says only that everything was
 * written. The follower resumes by itself after a drop, so nothing is printed twice or skipped;
 * a gap the service cannot replay is said once with what to do. Exit 0 on Ctrl+C, 2 when the
 * service ends the watch for good (token expired, role revoked), with what to do.
 */
export async function watchChangesCommand(service: ConnectorClient, output: WatchOutput, options: WatchOptions): Promise<CommandResult> {
  const now = options.now ?? (() => new Date());
  let lastSequence: number | undefined;
  let wasLive = false;
  const outcome = await service.followChanges({
    signal: options.signal,
    backoff: options.backoff,
    onReady: (ready) => {
      lastSequence ??= ready.sequence;
    },
    onChange: (event) => {
      lastSequence = event.sequence;
      output.stdout(options.json ? JSON.stringify(event) : changeLine(event));
    },
    onReload: (reload) => {
      const missed = missedChanges(reload, lastSequence);
      lastSequence = reload.sequence;
      output.stdout(options.json ? JSON.stringify({ reload, missed }) : reloadLine(reload, missed, now()));
    },
    onState: (state) => {
      const line = stateLine(state, wasLive, now());
      if (state.status === 'live') wasLive = true;
      if (line !== undefined) output.stderr(line);
    },
  });
  if (outcome.kind === 'cancelled') {
    if (!options.json) output.stderr('Stopped watching.');
    return { human: '', json: null, exitCode: EXIT.ok, alreadyWritten: true };
  }
  const advice = SIGN_IN_AGAIN.has(outcome.code)
    ? ' Run rms-connector-admin sign-in, then servers watch again.'
    : ' Once that is resolved, run rms-connector-admin sign-in, then servers watch again.';
  const message = `${outcome.message}${advice}`;
  if (options.json) output.stdout(JSON.stringify({ error: { code: outcome.code, message } }));
  else output.stderr(visibleText(`rms-connector-admin: ${outcome.code}: ${message}`));
  return { human: '', json: null, exitCode: EXIT.failure, alreadyWritten: true };
}
