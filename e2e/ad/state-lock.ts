import { open, readFile, rm } from 'node:fs/promises';
import { delay } from './samba-processes.ts';

/**
 * Hold an exclusive lock file while `work` runs.
 *
 * Test runners may call `ensureDomainController` from several processes at once; without
 * the lock two of them could wipe and provision the same directory concurrently. A lock left
 * by a dead process is taken over.
 */
export async function withStateLock<T>(lockFile: string, work: () => Promise<T>, timeoutMs = 180_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(await readFile(lockFile, 'utf8').catch(() => ''), 10);
      if (!Number.isInteger(holder) || !isRunning(holder)) {
        await rm(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(`Timed out waiting for ${lockFile} held by process ${holder}`, { cause: error });
      }
      await delay(250);
    }
  }
  try {
    return await work();
  } finally {
    await rm(lockFile, { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
