import { z } from 'zod';
import { CloudEnvironmentSchema } from './environments.ts';
import { SidSchema } from './sid.ts';
import { displayText } from './text.ts';

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

/** Who the token belongs to, as the console shows it after sign-in. */
export const SessionSchema = z
  .object({
    name: z.string(),
    sid: z.string(),
    roles: z.array(AdminRoleSchema),
    environment: CloudEnvironmentSchema,
    expiresAt: z.iso.datetime(),
  })
  .strict();
/** See {@link SessionSchema}. */
export type Session = z.infer<typeof SessionSchema>;

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

/**
 * An account or group as a client names it: its SID (what the object picker found) or a name
 * the service resolves in its directory (`DOMAIN\\name`, a UPN, a sAMAccountName).
 *
 * Exactly one of the two; what is stored and shown is always the directory's own name.
 */
const principalReference = {
  sid: SidSchema.optional(),
  name: displayText(256).optional(),
};
const ONE_OF_SID_OR_NAME = { message: 'Give either sid or name, not both and not neither.' };

/** What a client sends to give an account or group a role (Add-AipServiceRoleBasedAdministrator). */
export const NewAdministratorSchema = z
  .object({ ...principalReference, role: AdminRoleSchema })
  .strict()
  .refine((request) => (request.sid === undefined) !== (request.name === undefined), ONE_OF_SID_OR_NAME);
/** See {@link NewAdministratorSchema}. */
export type NewAdministrator = z.infer<typeof NewAdministratorSchema>;

/** The path of one role assignment: `/v1/administrators/{role}/{sid}`. */
export const AdministratorParamsSchema = z.object({ role: AdminRoleSchema, sid: SidSchema }).strict();
/** See {@link AdministratorParamsSchema}. */
export type AdministratorParams = z.infer<typeof AdministratorParamsSchema>;

/** What a client sends to set the onboarding-control group (a security group). */
export const OnboardingGroupRequestSchema = z
  .object(principalReference)
  .strict()
  .refine((request) => (request.sid === undefined) !== (request.name === undefined), ONE_OF_SID_OR_NAME);
/** See {@link OnboardingGroupRequestSchema}. */
export type OnboardingGroupRequest = z.infer<typeof OnboardingGroupRequestSchema>;

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
