import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * What makes one demo directory the same directory on every start: its domain SID and the
 * key its object GUIDs derive from, plus the administrator's generated password.
 *
 * The demo's connector service stores SIDs, so a restart that minted new ones would turn every
 * stored entry into an orphan. Kept in the demo folder with mode 0600 (the password is a secret).
 */
export type DemoIdentity = { readonly domainSid: string; readonly guidKey: string; readonly administratorPassword: string };

const IdentitySchema = z.object({
  version: z.literal(1),
  domainSid: z.string().regex(/^S-1-5-21-\d{1,10}-\d{1,10}-\d{1,10}$/),
  guidKey: z.string().regex(/^[0-9a-f]{64}$/),
  administratorPassword: z.string().min(16).max(128),
});

/** The identity file's name inside the demo folder. */
export const IDENTITY_FILE = 'directory-identity.json';

/** Read the folder's identity, or create and persist a new one. */
export async function loadOrCreateIdentity(folder: string): Promise<DemoIdentity> {
  const file = path.join(folder, IDENTITY_FILE);
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text !== undefined) {
    const parsed = IdentitySchema.safeParse(safeJson(text));
    if (!parsed.success)
      throw new Error(`The demo directory identity ${file} is damaged. Delete the demo folder to start a fresh demo (stored SIDs will no longer resolve).`);
    return parsed.data;
  }
  const subAuthority = () => randomInt(1, 2 ** 31);
  const identity = {
    version: 1 as const,
    domainSid: `S-1-5-21-${subAuthority()}-${subAuthority()}-${subAuthority()}`,
    guidKey: randomBytes(32).toString('hex'),
    administratorPassword: generatePassword(),
  };
  // `wx`: two demos starting on the same folder must not overwrite each other's identity.
  await writeFile(file, `${JSON.stringify(identity, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return identity;
}

/**
 * A stable GUID for an object: HMAC of its creation key, shaped as a version-4 GUID.
 *
 * The key is the object's DN at seeding, which never changes in a read-only directory.
 */
export function objectGuidFor(identity: DemoIdentity, creationKey: string): Buffer {
  const bytes = createHmac('sha256', Buffer.from(identity.guidKey, 'hex')).update(creationKey.toLowerCase()).digest().subarray(0, 16);
  // objectGUID is stored little-endian in its first three fields; byte 7 holds the version.
  bytes[7] = ((bytes[7] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  return Buffer.from(bytes);
}

/** 24 characters from four classes, so it satisfies AD's complexity rule. */
function generatePassword(): string {
  const body = randomBytes(18).toString('base64url');
  return `Demo-${body}9!`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
