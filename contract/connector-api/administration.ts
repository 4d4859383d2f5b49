import { z } from 'zod';
import { AdminRoleSchema } from '../administration.ts';
import { CloudEnvironmentSchema } from './environments.ts';
import { SidSchema } from './sid.ts';
import { displayText } from './text.ts';

export {
  AddAdministratorResultSchema,
  AdminRoleSchema,
  AdministrationSchema,
  ONBOARDING_CHANGE_PLACES,
  OnboardingControlResultSchema,
  OnboardingControlSchema,
  RemoveAdministratorResultSchema,
  ROLE_CHANGE_PLACES,
  RoleBasedAdministratorSchema,
  SuperUserFeatureSchema,
  type AddAdministratorResult,
  type AdminRole,
  type Administration,
  type OnboardingControl,
  type OnboardingControlResult,
  type RemoveAdministratorResult,
  type RoleBasedAdministrator,
  type SuperUserFeature,
} from '../administration.ts';

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
