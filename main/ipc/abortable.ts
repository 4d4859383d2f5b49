import { ConsoleFailure, CANCELLED_ERROR } from './console-failure.ts';

/**
 * Settle with `work`, or with CANCELLED as soon as `signal` aborts, whichever comes first.
 *
 * Some steps take no signal (opening a directory connection); the admin's Cancel must still
 * answer at once. A result that arrives after the abort goes to `discard` (close what was
 * opened), and a late failure is swallowed: nobody is waiting for it any more.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal, discard: (late: T) => unknown = () => undefined): Promise<T> {
  if (signal.aborted) {
    work.then(discard, () => undefined);
    return Promise.reject(new ConsoleFailure(CANCELLED_ERROR));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      reject(new ConsoleFailure(CANCELLED_ERROR));
      work.then(discard, () => undefined);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) return;
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Stop here with CANCELLED when the admin has cancelled.
 *
 * Used between steps that each take time, so a late step does not start for nobody.
 */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new ConsoleFailure(CANCELLED_ERROR);
}
