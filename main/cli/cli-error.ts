/**
 * Exit codes of the command line, as scripts rely on them.
 *
 * 0 done; 1 a name did not resolve (or was ambiguous, or was the wrong kind), or a policy
 * check found an error that blocks the grant; 2 usage, input or connection error.
 */
export const EXIT = { ok: 0, unresolved: 1, blocked: 1, failure: 2 } as const;

/** An error the command line reports with a stable code and an exit code. */
export class CliError extends Error {
  readonly code: string;
  readonly exitCode: number;

  constructor(code: string, message: string, exitCode: number = EXIT.failure) {
    super(message);
    this.name = 'CliError';
    this.code = code;
    this.exitCode = exitCode;
  }
}
