import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Files under `folder` (repository-relative, `/`-separated), skipping node_modules. */
export async function listFiles(repositoryRoot: string, folder: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(join(repositoryRoot, folder), { recursive: true, encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .map((entry) => `${folder}/${entry.replaceAll('\\', '/')}`)
    .filter((path) => !path.includes('/node_modules/') && /\.[a-z]+$/i.test(path))
    .sort();
}
