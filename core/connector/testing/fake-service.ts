import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';

/** One request as the fake service received it. */
export type RecordedRequest = {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
};

/**
 * What the fake service answers: a status with a JSON or text body, late or not at all.
 *
 * `hangUp` drops the connection without answering, as a crashed node or a reset would.
 */
export type FakeAnswer = {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly json?: unknown;
  readonly text?: string;
  readonly delayMs?: number;
  readonly hangUp?: boolean;
};

/** A running fake service and what it saw. */
export type FakeService = {
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** Answer the next requests in this order; the last answer repeats. */
  script(...answers: FakeAnswer[]): void;
  close(): Promise<void>;
};

/**
 * Start a `node:http` (or `https`) server on 127.0.0.1 that plays scripted answers.
 *
 * Real sockets, not mocks: the client's undici dispatcher, timeouts and TLS run for real.
 */
export async function startFakeService(tlsOptions?: { readonly key: string; readonly cert: string }): Promise<FakeService> {
  const requests: RecordedRequest[] = [];
  let answers: FakeAnswer[] = [{ status: 404, json: { code: 'NOT_FOUND', message: 'Nothing scripted.' } }];
  const sockets = new Set<net.Socket>();
  const handler = (request: http.IncomingMessage, response: http.ServerResponse): void => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = (answers.length > 1 ? answers.shift() : answers[0]) ?? {};
      const send = (): void => {
        if (answer.hangUp === true) {
          request.socket.destroy();
          return;
        }
        const body = answer.json === undefined ? (answer.text ?? '') : JSON.stringify(answer.json);
        const type = answer.json === undefined ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
        response.writeHead(answer.status ?? 200, { 'content-type': type, ...answer.headers });
        response.end(body);
      };
      if (answer.delayMs === undefined) send();
      else setTimeout(send, answer.delayMs).unref();
    });
  };
  const server = tlsOptions ? https.createServer({ key: tlsOptions.key, cert: tlsOptions.cert }, handler) : http.createServer(handler);
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `${tlsOptions ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    script: (...next) => {
      answers = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}
