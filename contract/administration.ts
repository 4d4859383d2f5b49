import { z } from 'zod';

/*
 * Role-based administrators and onboarding control as the console and the service's API both
 * read them; contract/connector-api/administration.ts re-exports these with the routes' own.
 */

/**
 * Where a GlobalAdministrator gives or takes a role, named in every message that tells an admin
 * to ask for one: the console's page and the command line, so whoever reads it can act on it.
 */
export const ROLE_CHANGE_PLACES =
  'the Administration page of RMS Connector Admin, or on the command line: rms-connector-admin admins add NAME --role GlobalAdministrator|ConnectorAdministrator';

/** Where a GlobalAdministrator changes the onboarding-control group (see {@link ROLE_CHANGE_PLACES}). */
export const ONBOARDING_CHANGE_PLACES =
  'the Administration page of RMS Connector Admin, or on the command line: rms-connector-admin onboarding set GROUP (or onboarding clear)';

/** The two administrative roles (Add-AipServiceRoleBasedAdministrator's `-Role` values). */
export const AdminRoleSchema = z.enum(['GlobalAdministrator', 'ConnectorAdministrator']);
/** See {@link AdminRoleSchema}. */
export type AdminRole = z.infer<typeof AdminRoleSchema>;

/** One role assignment: a user, or a group whose transitive members hold the role. */
export const RoleBasedAdministratorSchema = z
  .object({
    sid: z.string(),
    name: z.string(),
    kind: z.enum(['user', 'group']),
    role: AdminRoleSchema,
    addedBy: z.string(),
    addedAt: z.iso.datetime(),
  })
  .strict();
/** See {@link RoleBasedAdministratorSchema}. */
export type RoleBasedAdministrator = z.infer<typeof RoleBasedAdministratorSchema>;

/** The onboarding-control group: when set, only its (transitive) members may sign in. */
export const OnboardingControlSchema = z
  .object({
    group: z.object({ sid: z.string(), name: z.string() }).strict().nullable(),
    changedBy: z.string().nullable(),
    changedAt: z.iso.datetime().nullable(),
  })
  .strict();
/** See {@link OnboardingControlSchema}. */
export type OnboardingControl = z.infer<typeof OnboardingControlSchema>;

/** Whether the tenant's super-user feature is on (an Exchange entry switches it on). */
export const SuperUserFeatureSchema = z
  .object({
    enabled: z.boolean(),
    changedBy: z.string().nullable(),
    changedAt: z.iso.datetime().nullable(),
  })
  .strict();
/** See {@link SuperUserFeatureSchema}. */
export type SuperUserFeature = z.infer<typeof SuperUserFeatureSchema>;

/** Everything the administration view reads at once, with the version its ETag carries. */
export const AdministrationSchema = z
  .object({
    version: z.number().int().nonnegative(),
    administrators: z.array(RoleBasedAdministratorSchema),
    onboardingControl: OnboardingControlSchema,
    superUserFeature: SuperUserFeatureSchema,
  })
  .strict();
/** See {@link AdministrationSchema}. */
export type Administration = z.infer<typeof AdministrationSchema>;

/** The answer to an add: the stored assignment and the administration's new version. */
export const AddAdministratorResultSchema = z.object({ administrator: RoleBasedAdministratorSchema, version: z.number().int().nonnegative() }).strict();
/** See {@link AddAdministratorResultSchema}. */
export type AddAdministratorResult = z.infer<typeof AddAdministratorResultSchema>;

/** The answer to a remove: the assignment as it was and the administration's new version. */
export const RemoveAdministratorResultSchema = z.object({ removed: RoleBasedAdministratorSchema, version: z.number().int().nonnegative() }).strict();
/** See {@link RemoveAdministratorResultSchema}. */
export type RemoveAdministratorResult = z.infer<typeof RemoveAdministratorResultSchema>;

/** The answer to setting or clearing onboarding control: the policy now and the new version. */
export const OnboardingControlResultSchema = z.object({ onboardingControl: OnboardingControlSchema, version: z.number().int().nonnegative() }).strict();
/** See {@link OnboardingControlResultSchema}. */
export type OnboardingControlResult = z.infer<typeof OnboardingControlResultSchema>;

const consoleSid = z.string().regex(/^S-1-\d{1,3}(-\d{1,10}){1,15}$/, 'A SID looks like S-1-5-21-…');
const administrationVersion = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/**
 * What the console's Administration page sends to give or take a role: the SID the object
 * picker or Check Names found, and the administration version the page shows (its If-Match).
 */
export const AdministratorChangeRequestSchema = z.object({ sid: consoleSid, role: AdminRoleSchema, version: administrationVersion }).strict();
/** See {@link AdministratorChangeRequestSchema}. */
export type AdministratorChangeRequest = z.infer<typeof AdministratorChangeRequestSchema>;

/** What the Administration page sends to set the onboarding-control group. */
export const OnboardingGroupChangeRequestSchema = z.object({ sid: consoleSid, version: administrationVersion }).strict();
/** See {@link OnboardingGroupChangeRequestSchema}. */
export type OnboardingGroupChangeRequest = z.infer<typeof OnboardingGroupChangeRequestSchema>;
