import { connectDirectory } from '../../../main/core/directory/index.ts';
import { adConnectOptions } from '../../../main/core/directory/testing/ad-test-connection.ts';

/** SIDs of the first `count` seeded bulk users (`bulk.user.0001`…), in one batched lookup. */
export async function bulkUserSids(count: number, offset = 0): Promise<string[]> {
  const names = Array.from({ length: count }, (_unused, index) => `bulk.user.${String(offset + index + 1).padStart(4, '0')}`);
  const directory = await connectDirectory(adConnectOptions());
  try {
    return (await directory.resolveNames(names)).map((resolution) => {
      if (resolution.status !== 'resolved') throw new Error(`${resolution.input} did not resolve`);
      return resolution.object.sid;
    });
  } finally {
    await directory.close();
  }
}
