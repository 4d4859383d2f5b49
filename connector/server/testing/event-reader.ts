import { request, type IncomingHttpHeaders } from 'node:http';

/** One event as a test receives it, with when it arrived (performance.now()). */
export type ReceivedEvent = { readonly event: string; readonly id: string | undefined; readonly data: Record<string, unknown>; readonly receivedAt: number };

/** A change stream as a test reads it: events as they come, comments counted. */
export type EventReader = {
  readonly status: 200;
  readonly headers: IncomingHttpHeaders;
  /** Every event so far, in order. */
  readonly events: ReceivedEvent[];
  /** How many comment lines (heartbeats) arrived. */
  comments(): number;
  /** The next event not yet taken by `next`, waiting up to `timeoutMs`. */
  next(timeoutMs?: number): Promise<ReceivedEvent>;
  /** Resolves when the service closed the stream. */
  readonly ended: Promise<void>;
  close(): void;
};

/** A refusal before the stream opened: the status, headers and JSON body. */
export type Refusal = { readonly status: number; readonly headers: IncomingHttpHeaders; readonly body: Record<string, unknown> };

/**
 * Open `GET /v1/events` over real HTTP and parse text/event-stream as it arrives.
 *
 * A plain `node:http` request (its own connection, no pooling), so a test can hold hundreds
 * open and see exactly what the service wrote.
 */
export function openEventReader(
  baseUrl: string,
  options: { token?: string; lastEventId?: string; method?: 'GET' | 'HEAD' } = {},
): Promise<EventReader | Refusal> {
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.lastEventId !== undefined) headers['last-event-id'] = options.lastEventId;
  return new Promise((resolve, reject) => {
    const outgoing = request(`${baseUrl}/v1/events`, { method: options.method ?? 'GET', headers, agent: false }, (response) => {
      response.setEncoding('utf8');
      if (response.statusCode !== 200 || options.method === 'HEAD') {
        let text = '';
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          let body: Record<string, unknown> = {};
          try {
            body = JSON.parse(text) as Record<string, unknown>;
          } catch {
            body = { text };
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
        });
        return;
      }
      const events: ReceivedEvent[] = [];
      const waiting: ((event: ReceivedEvent) => void)[] = [];
      let taken = 0;
      let comments = 0;
      let buffer = '';
      const ended = new Promise<void>((done) => {
        response.on('end', done);
        response.on('close', done);
      });
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let boundary = buffer.indexOf('\n\n');
        while (boundary >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          boundary = buffer.indexOf('\n\n');
          const fields = new Map<string, string>();
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments += 1;
            else {
              const colon = line.indexOf(':');
              fields.set(line.slice(0, colon), line.slice(colon + 1).replace(/^ /, ''));
            }
          }
          const data = fields.get('data');
          if (data === undefined) continue;
          const event = {
            event: fields.get('event') ?? 'message',
            id: fields.get('id'),
            data: JSON.parse(data) as Record<string, unknown>,
            receivedAt: performance.now(),
          };
          events.push(event);
          const waiter = waiting.shift();
          if (waiter) {
            taken += 1;
            waiter(event);
          }
        }
      });
      resolve({
        status: 200,
        headers: response.headers,
        events,
        comments: () => comments,
        next: (timeoutMs = 5000) => {
          const ready = events[taken];
          if (ready) {
            taken += 1;
            return Promise.resolve(ready);
          }
          return new Promise((done, fail) => {
            const timer = setTimeout(() => {
              fail(new Error(`No event within ${String(timeoutMs)} ms (received so far: ${events.map((event) => event.event).join(', ')}).`));
            }, timeoutMs);
            waiting.push((event) => {
              clearTimeout(timer);
              done(event);
            });
          });
        },
        ended,
        close: () => {
          outgoing.destroy();
        },
      });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** The reader, or a failure naming the refusal a test did not expect. */
export function opened(result: EventReader | Refusal): EventReader {
  if (!('events' in result)) throw new Error(`The stream was refused: ${String(result.status)} ${JSON.stringify(result.body)}`);
  return result;
}
