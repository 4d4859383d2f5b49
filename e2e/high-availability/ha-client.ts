import { Agent, request } from 'undici';

/** One HTTP answer as the load sees it. */
export type HaAnswer = {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly etag: string | undefined;
  readonly retryAfter: string | undefined;
};

/** Every answer that was a failure of the deployment (5xx or no answer), with when it came. */
export type FailureRecord = {
  readonly at: number;
  readonly method: string;
  readonly status: number | 'no-answer';
  readonly code: unknown;
  readonly retryAfter: string | undefined;
  /** For no answer at all: what the connection said. */
  readonly error?: string;
};

/** What a client sends. */
export type HaRequest = {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
};

/**
 * An admin's HTTPS client through the balancer, retrying only what is safe to repeat.
 *
 * Reads, additions with an Idempotency-Key and conditional removes (If-Match) are repeated
 * after a 502/503/504 or a lost connection, as the product's client does, waiting the service's
 * `Retry-After` (capped at a second, to keep the suite short); every such failure is recorded
 * for the test to judge.
 */
export function createHaClient(baseUrl: string, caPem: string, failures: FailureRecord[], waits: { count: number } = { count: 0 }) {
  const dispatcher = new Agent({ connect: { ca: caPem }, connections: 4 });
  let token: string | undefined;
  const once = async (input: HaRequest): Promise<HaAnswer> => {
    const headers: Record<string, string> = { ...input.headers };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    if (input.body !== undefined) headers['content-type'] = 'application/json';
    const response = await request(`${baseUrl}${input.path}`, {
      dispatcher,
      method: input.method,
      headers,
      ...(input.body === undefined ? {} : { body: JSON.stringify(input.body) }),
      headersTimeout: 30_000,
      bodyTimeout: 30_000,
    });
    const text = await response.body.text();
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = {};
    }
    const header = (name: string): string | undefined => {
      const value = response.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    return { status: response.statusCode, body, etag: header('etag'), retryAfter: header('retry-after') };
  };
  const send = async (input: HaRequest): Promise<HaAnswer> => {
    for (let attempt = 0; ; attempt += 1) {
      let answer: HaAnswer | undefined;
      try {
        answer = await once(input);
      } catch (error) {
        const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
        failures.push({ at: Date.now(), method: input.method, status: 'no-answer', code: undefined, retryAfter: undefined, error: `${String(error)}${cause}` });
      }
      // "Still in progress" is the service asking to wait for the first attempt (a claim of a node
      // that died mid-request, or of one whose database failed over), not a failure.
      const inProgress = answer?.status === 409 && answer.body.code === 'REQUEST_IN_PROGRESS';
      if (answer && answer.status < 500 && !inProgress) return answer;
      if (answer && !inProgress)
        failures.push({ at: Date.now(), method: input.method, status: answer.status, code: answer.body.code, retryAfter: answer.retryAfter });
      if (inProgress) waits.count += 1;
      if (attempt >= 60) {
        if (answer) return answer;
        throw new Error(`${input.method} ${input.path}: no answer after ${String(attempt + 1)} attempts`);
      }
      const seconds = Number(answer?.retryAfter ?? '0');
      await new Promise((resolve) => setTimeout(resolve, Math.min(Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 200, inProgress ? 2000 : 1000)));
    }
  };
  return {
    send,
    async signIn(username: string, password: string): Promise<void> {
      const answer = await send({ method: 'POST', path: '/v1/sign-in', body: { environment: 'AzureCloud', username, password } });
      if (answer.status !== 200 || typeof answer.body.token !== 'string')
        throw new Error(`Sign-in as ${username} failed: ${String(answer.status)} ${String(answer.body.code)}`);
      token = answer.body.token;
    },
    /** This client's token, for other clients of the same admin (one sign-in, as one console would). */
    token: (): string | undefined => token,
    useToken(value: string): void {
      token = value;
    },
    close: () => dispatcher.close(),
  };
}

/** The client {@link createHaClient} returns. */
export type HaClient = ReturnType<typeof createHaClient>;
