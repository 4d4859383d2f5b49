import type { Role } from '../../../contract/policy.ts';

/** An entry as another client sends it to the service. */
export type ApiEntry = { readonly sid: string; readonly name: string; readonly role: Role };

/**
 * Another administrator's client, over the service's HTTP API: read the list's ETag, then
 * add conditionally on it, as any well-behaved client does.
 *
 * Used to change the list behind the console's back (a concurrent change) and to store
 * names the console's own add dialog would never produce (hostile CSV cells).
 */
export async function addThroughApi(serviceUrl: string, token: string, entry: ApiEntry): Promise<void> {
  const authorization = `Bearer ${token}`;
  const list = await fetch(`${serviceUrl}/v1/authorized-accounts`, { headers: { authorization } });
  const etag = list.headers.get('etag');
  await list.body?.cancel();
  if (!list.ok || etag === null) throw new Error(`Reading the list failed: ${String(list.status)}`);
  const added = await fetch(`${serviceUrl}/v1/authorized-accounts`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json', 'if-match': etag },
    body: JSON.stringify(entry),
  });
  if (added.status !== 201) throw new Error(`Adding ${entry.name} failed: ${String(added.status)} ${await added.text()}`);
  await added.body?.cancel();
}
