import { connectDirectory } from '../../../core/directory/index.ts';
import { adConnectOptions } from '../../../core/directory/testing/ad-test-connection.ts';

/** SIDs of seeded objects by the names given (any form resolveNames takes), in one batched lookup. */
export async function seedSids(names: readonly string[]): Promise<Record<string, string>> {
  const directory = await connectDirectory(adConnectOptions());
  try {
    const sids: Record<string, string> = {};
    for (const resolution of await directory.resolveNames(names)) {
      if (resolution.status !== 'resolved') throw new Error(`${resolution.input} did not resolve`);
      sids[resolution.input] = resolution.object.sid;
    }
    return sids;
  } finally {
    await directory.close();
  }
}

/** The SID of one seeded object. */
export async function seedSid(name: string): Promise<string> {
  const sid = (await seedSids([name]))[name];
  if (sid === undefined) throw new Error(`${name} did not resolve`);
  return sid;
}

/** SIDs of `count` seeded bulk users (`bulk.user.0001`…) from `offset`, in one batched lookup. */
export async function bulkUserSids(count: number, offset = 0): Promise<string[]> {
  const names = Array.from({ length: count }, (_unused, index) => `bulk.user.${String(offset + index + 1).padStart(4, '0')}`);
  const sids = await seedSids(names);
  return names.map((name) => sids[name] ?? '');
}
