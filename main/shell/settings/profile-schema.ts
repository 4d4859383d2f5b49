import { z } from 'zod';
import { CloudEnvironmentSchema, type CloudEnvironment } from '../../../contract/environments.ts';
import type { ProfileDefaults } from '../../ipc/console-ports.ts';
import { EMPTY_PROFILE_DEFAULTS } from '../../ipc/memory-profile-store.ts';

const text = (max: number) => z.string().max(max);

const DirectoryProfileSchema = z
  .object({
    mode: z.enum(['domain', 'server']),
    domain: text(253),
    serverUrl: text(512),
    transport: z.enum(['ldaps', 'starttls']),
    caFile: text(4096),
    serverName: text(253),
    bindUser: text(256),
  })
  .strip();

/**
 * The first profile shape: one service URL, whatever the environment.
 *
 * Kept only to read files written by early versions ({@link migrateProfile}).
 */
export const ProfileV1Schema = z
  .object({ version: z.literal(1), environment: CloudEnvironmentSchema, serviceUrl: text(2048), username: text(256), directory: DirectoryProfileSchema })
  .strip();

/**
 * The current profile shape: one service URL per cloud environment.
 *
 * An admin who manages a commercial and a government tenant switches the environment and
 * finds that environment's service again. Unknown keys are dropped on read (`strip`), so a
 * newer or hand-edited file cannot smuggle anything into the defaults.
 */
export const ProfileV2Schema = z
  .object({
    version: z.literal(2),
    environment: CloudEnvironmentSchema,
    serviceUrls: z.partialRecord(CloudEnvironmentSchema, text(2048)),
    username: text(256),
    directory: DirectoryProfileSchema,
  })
  .strip();
/** See {@link ProfileV2Schema}. */
export type ProfileV2 = z.infer<typeof ProfileV2Schema>;

const ENVIRONMENTS: readonly CloudEnvironment[] = CloudEnvironmentSchema.options;

/** What the sign-in screen starts from when nothing was ever configured (see main/ipc). */
export const EMPTY_PROFILE: ProfileDefaults = EMPTY_PROFILE_DEFAULTS;

/**
 * Read any known version of the profile as the current one, or undefined when it is none.
 *
 * v1 → v2: the single URL becomes the URL of the environment it was saved with.
 */
export function migrateProfile(data: unknown): ProfileV2 | undefined {
  const current = ProfileV2Schema.safeParse(data);
  if (current.success) return current.data;
  const v1 = ProfileV1Schema.safeParse(data);
  if (!v1.success) return undefined;
  const { serviceUrl, ...rest } = v1.data;
  return { ...rest, version: 2, serviceUrls: { [rest.environment]: serviceUrl } };
}

/** The profile as the sign-in screen's defaults (every environment present). */
export function defaultsOfProfile(profile: ProfileV2): ProfileDefaults {
  const serviceUrls = Object.fromEntries(ENVIRONMENTS.map((environment) => [environment, profile.serviceUrls[environment] ?? ''])) as Record<
    CloudEnvironment,
    string
  >;
  return { environment: profile.environment, serviceUrls, username: profile.username, directory: profile.directory };
}

/** The defaults as the file keeps them (current version; URLs not set are left out). */
export function profileOfDefaults(defaults: ProfileDefaults): ProfileV2 {
  const serviceUrls = Object.fromEntries(Object.entries(defaults.serviceUrls).filter(([, url]) => url !== ''));
  return { version: 2, environment: defaults.environment, serviceUrls, username: defaults.username, directory: defaults.directory };
}
