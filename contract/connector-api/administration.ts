import { z } from 'zod';
import { CloudEnvironmentSchema } from './environments.ts';

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

/** Everything the administration view reads at once. */
export const AdministrationSchema = z
  .object({
    administrators: z.array(RoleBasedAdministratorSchema),
    onboardingControl: OnboardingControlSchema,
    superUserFeature: SuperUserFeatureSchema,
  })
  .strict();
/** See {@link AdministrationSchema}. */
export type Administration = z.infer<typeof AdministrationSchema>;
