import { invalidRequest } from './console-failure.ts';

/**
 * One running operation: the signal its work listens to, and how to deregister it.
 *
 * `finish` must run when the call answers, so a finished id can be used again.
 */
export type RunningOperation = {
  readonly signal: AbortSignal;
  finish(): void;
};

/**
 * The cancellable operations in flight, by the id the renderer chose for each.
 *
 * The renderer names an operation before starting it, so a Cancel clicked before the first
 * answer still reaches it; `operation:cancel` aborts the signal the work was given.
 */
export type OperationRegistry = {
  /** Register an id; an id already in flight is refused (`INVALID_REQUEST`). */
  start(operationId: string): RunningOperation;
  /** Abort an operation; false when no operation has that id (finished or never started). */
  cancel(operationId: string): boolean;
  /** Abort every operation (sign-out, shutdown). */
  cancelAll(): void;
  /** How many are in flight (for tests and diagnostics). */
  size(): number;
};

/**
 * Create an empty registry.
 *
 * A finished operation leaves the map at once, so a late cancel of it answers false and
 * the map never grows with the session.
 */
export function createOperationRegistry(): OperationRegistry {
  const running = new Map<string, AbortController>();
  return {
    start(operationId) {
      if (running.has(operationId)) throw invalidRequest('An operation with this id is already running. Use a new operation id for each call.');
      const controller = new AbortController();
      running.set(operationId, controller);
      return {
        signal: controller.signal,
        finish() {
          if (running.get(operationId) === controller) running.delete(operationId);
        },
      };
    },
    cancel(operationId) {
      const controller = running.get(operationId);
      if (controller === undefined) return false;
      running.delete(operationId);
      controller.abort(new Error('Cancelled by the admin.'));
      return true;
    },
    cancelAll() {
      const controllers = [...running.values()];
      running.clear();
      for (const controller of controllers) controller.abort(new Error('The session ended.'));
    },
    size: () => running.size,
  };
}
