import { readFile, rename, stat } from 'node:fs/promises';
import { rememberedDefaults } from '../../ipc/memory-profile-store.ts';
import type { ConsoleProfileStore, StoredDefaults } from '../../ipc/console-ports.ts';
import { writeFileAtomically } from './atomic-file.ts';
import { defaultsOfProfile, EMPTY_PROFILE, migrateProfile, profileOfDefaults } from './profile-schema.ts';

/** A profile is a few hundred bytes; anything much larger is not one of ours. */
export const MAX_PROFILE_BYTES = 64 * 1024;

/**
 * Keep the sign-in screen's settings in `file` (JSON, in the user-data folder).
 *
 * Never a password (the vault has its own file). Reading never fails the console: a missing
 * file is a first start; a file that is too large, not JSON or not a profile is set aside as
 * `<file>.corrupt-<time>` (for support to look at) and the empty defaults are used. Writes
 * are atomic, and an older version is migrated on read and rewritten in the current shape
 * on the next sign-in.
 */
export function createProfileFileStore(file: string): ConsoleProfileStore {
  const load = async (): Promise<StoredDefaults> => {
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch {
      return { defaults: EMPTY_PROFILE, configured: false };
    }
    const content = size <= MAX_PROFILE_BYTES ? parseJson(await readFile(file, 'utf8')) : undefined;
    const profile = migrateProfile(content);
    if (profile !== undefined) return { defaults: defaultsOfProfile(profile), configured: true };
    // A newer version's file (the app was downgraded): not ours to judge or to overwrite on
    // the side; start from empty defaults and leave it where the newer version will find it.
    if (isNewerProfile(content)) return { defaults: EMPTY_PROFILE, configured: true };
    await setAside(file);
    return { defaults: EMPTY_PROFILE, configured: false };
  };
  return {
    load,
    async remember(connection) {
      const { defaults } = await load();
      await writeFileAtomically(file, `${JSON.stringify(profileOfDefaults(rememberedDefaults(defaults, connection)), null, 2)}\n`, 0o600);
    },
  };
}

/** The version this build writes; see profile-schema.ts. */
const CURRENT_PROFILE_VERSION = 2;

function isNewerProfile(content: unknown): boolean {
  if (typeof content !== 'object' || content === null || !('version' in content)) return false;
  const { version } = content;
  return typeof version === 'number' && Number.isInteger(version) && version > CURRENT_PROFILE_VERSION;
}

async function setAside(file: string): Promise<void> {
  const stamp = new Date().toISOString().replaceAll(':', '-');
  await rename(file, `${file}.corrupt-${stamp}`).catch(() => undefined);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
