import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'undici';
import type { AccountToAdd, LoadMessage, LoadPlan, LoadRun, LoadWindow } from './load.ts';

/**
 * The load generator's thread: `plan.clients` loops over one keep-alive connection each.
 *
 * An undici Pool with one connection per client and no pipelining keeps every client on
 * its own socket, as twenty console users (or scripts) would be. Latency is taken from
 * sending the request to having read the whole body.
 */
const plan = workerData as LoadPlan;
const listPath = '/v1/authorized-accounts';
const pool = new Pool(plan.origin, { connections: plan.clients, pipelining: 1 });
const windowStart = performance.now() + plan.warmupMilliseconds;
const windowEnd = windowStart + plan.durationMilliseconds;
const measured: LoadWindow = { start: performance.timeOrigin + windowStart, end: performance.timeOrigin + windowEnd };
post({ kind: 'window', window: measured });
const latencies = { GET: [] as number[], POST: [] as number[], DELETE: [] as number[] };
const statuses: Record<string, number> = {};
const problems: string[] = [];
const authorization: Record<string, string> = plan.token === undefined ? {} : { authorization: `Bearer ${plan.token}` };
let nextAccount = 0;

type Answer = { readonly status: number; readonly etag: string | undefined; readonly text: string };

async function timed(method: keyof typeof latencies, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  const started = performance.now();
  const response = await pool.request({ method, path, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.body.text();
  const finished = performance.now();
  if (finished >= windowStart && finished <= windowEnd) {
    latencies[method].push(finished - started);
    const label = `${method} ${response.statusCode}`;
    statuses[label] = (statuses[label] ?? 0) + 1;
  }
  const etag = response.headers.etag;
  return { status: response.statusCode, etag: Array.isArray(etag) ? etag[0] : etag, text };
}

function expect(answer: Answer, allowed: readonly number[], what: string): boolean {
  if (allowed.includes(answer.status)) return true;
  if (problems.length < 10) problems.push(`${what} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  return false;
}

async function readLoop(path: string, conditional: boolean): Promise<void> {
  let headers = authorization;
  if (conditional) {
    const first = await timed('GET', path, authorization);
    if (!expect(first, [200], `GET ${path}`) || first.etag === undefined) return;
    headers = { ...authorization, 'if-none-match': first.etag };
  }
  while (performance.now() < windowEnd) {
    const answer = await timed('GET', path, headers);
    if (!expect(answer, [conditional ? 304 : 200], `GET ${path}${conditional ? ' (If-None-Match)' : ''}`)) return;
  }
}

function takeAccount(accounts: readonly AccountToAdd[]): AccountToAdd {
  // Wraps around when the pool runs out: the repeats then show up as 409s in the statuses.
  const account = accounts[nextAccount % accounts.length];
  nextAccount += 1;
  if (account === undefined) throw new Error('The add loop needs at least one account.');
  return account;
}

async function addLoop(accounts: readonly AccountToAdd[], removeAfterAdd: boolean): Promise<void> {
  let account = takeAccount(accounts);
  while (performance.now() < windowEnd) {
    const list = await timed('GET', listPath, authorization);
    if (!expect(list, [200], `GET ${listPath}`)) return;
    if (list.etag === undefined) {
      problems.push(`GET ${listPath} answered without an ETag`);
      return;
    }
    const body = JSON.stringify({ sid: account.sid, name: account.name, role: 'sharepoint' });
    const added = await timed('POST', listPath, { ...authorization, 'content-type': 'application/json', 'if-match': list.etag }, body);
    // 412: someone else changed the list first; 409: the account is already on it.
    if (!expect(added, [201, 409, 412], `POST ${listPath} (${account.name})`)) return;
    if (added.status !== 412) account = takeAccount(accounts);
    if (added.status === 201 && removeAfterAdd && !(await remove(added))) return;
  }
}

/** DELETE the entry a 201 created, with the ETag it came with; re-read and retry on a 412. */
async function remove(added: Answer): Promise<boolean> {
  const { entry } = JSON.parse(added.text) as { entry: { id: string } };
  const path = `${listPath}/${entry.id}`;
  let etag = added.etag ?? '';
  for (;;) {
    const removed = await timed('DELETE', path, { ...authorization, 'if-match': etag });
    if (!expect(removed, [200, 412], `DELETE ${path}`)) return false;
    if (removed.status === 200) return true;
    const list = await timed('GET', listPath, authorization);
    if (!expect(list, [200], `GET ${listPath}`)) return false;
    etag = list.etag ?? '';
  }
}

async function client(): Promise<void> {
  try {
    await (plan.loop.kind === 'read' ? readLoop(plan.loop.path, plan.loop.conditional === true) : addLoop(plan.loop.accounts, plan.loop.removeAfterAdd));
  } catch (error) {
    problems.push(`client failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

await Promise.all(Array.from({ length: plan.clients }, client));
await pool.close();
const readLatencies = Float64Array.from(latencies.GET);
const writeLatencies = Float64Array.from(latencies.POST);
const removalLatencies = Float64Array.from(latencies.DELETE);
const result: LoadRun = {
  seconds: plan.durationMilliseconds / 1_000,
  window: measured,
  reads: readLatencies,
  writes: writeLatencies,
  removals: removalLatencies,
  statuses,
  problems,
};
post({ kind: 'result', run: result }, [readLatencies.buffer, writeLatencies.buffer, removalLatencies.buffer]);

function post(message: LoadMessage, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(message, transfer);
}
