/** One answer of the service as a test sees it. */
export type Answer = { readonly status: number; readonly body: Record<string, unknown>; readonly headers: Headers; readonly text: string };

/** What a test request carries. */
export type RequestOptions = { readonly token?: string; readonly body?: unknown; readonly rawBody?: string; readonly headers?: Record<string, string> };

/**
 * Send one request over real HTTP and read the answer, JSON or not.
 *
 * Tests speak HTTP to a listening node, never `inject()`: framing, limits and headers are
 * part of what they check.
 */
export async function call(baseUrl: string, method: string, path: string, options: RequestOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = {};
  }
  return { status: response.status, body: parsed, headers: response.headers, text };
}
