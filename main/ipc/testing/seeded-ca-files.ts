import { randomUUID } from 'node:crypto';
import { createCaFileRegistry, type CaFileRegistry } from '../ca-file-registry.ts';

/**
 * A CA file registry that already holds `path` under a known id, as a remembered profile would.
 *
 * For tests and the browser harness that sign in by dispatch without the picker: the request
 * names `id`, main reads `path`. Every other file gets a random id as usual.
 */
export function seededCaFiles(path: string, id: string): CaFileRegistry {
  let seedId: string | undefined = id;
  const registry = createCaFileRegistry({
    newId: () => {
      const next = seedId ?? randomUUID();
      seedId = undefined;
      return next;
    },
  });
  registry.hold(path);
  return registry;
}
