import { ConsoleEventSchema, type ConsoleEvent } from '../../contract/console-events.ts';

/** A listener of the console's pushed events (the shell's sender, the browser harness). */
export type ConsoleEventListener = (event: ConsoleEvent) => void;

/** Where main's parts publish console events and where the transports subscribe. */
export type ConsoleEventHub = {
  publish(event: ConsoleEvent): void;
  /** Answers the function that unsubscribes. */
  subscribe(listener: ConsoleEventListener): () => void;
};

/**
 * The fan-out of `contract/console-events.ts` events, checked at the door like every answer.
 *
 * An event that does not match its schema is withheld and logged (the renderer would drop it
 * anyway); a listener that throws does not keep the event from the others.
 */
export function createConsoleEventHub(log: (line: Record<string, unknown>) => void = () => undefined): ConsoleEventHub {
  const listeners = new Set<ConsoleEventListener>();
  return {
    publish(event) {
      const checked = ConsoleEventSchema.safeParse(event);
      if (!checked.success) {
        log({ event: 'console-event-withheld', kind: event.kind, issues: checked.error.issues.map((issue) => issue.path.join('.')) });
        return;
      }
      for (const listener of [...listeners]) {
        try {
          listener(checked.data);
        } catch (error) {
          log({ event: 'console-event-listener-failed', error: error instanceof Error ? error.message : String(error) });
        }
      }
    },
    subscribe(listener) {
      const entry: ConsoleEventListener = (event) => {
        listener(event);
      };
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
  };
}
