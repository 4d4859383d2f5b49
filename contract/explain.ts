import { z } from 'zod';
import { DirectoryObjectSchema } from './directory.ts';
import { AuthorizedEntrySchema, RoleSchema } from './policy.ts';

/** One step of a path from an account up to the list entry that admits it. */
export const PathStepSchema = z.object({
  sid: z.string(),
  /** `CORP\FS01$`, `CORP\RMS FCI Servers`: as the directory names it. */
  name: z.string(),
  kind: z.string(),
  /** When the directory last changed this group (ISO 8601), for the "new ticket needed" advice. */
  whenChanged: z.string().optional(),
});
/** See {@link PathStepSchema}. */
export type PathStep = z.infer<typeof PathStepSchema>;

/** One list entry that admits the account, the role it gives and how the account reaches it. */
export const AdmittingGrantSchema = z.object({
  entry: AuthorizedEntrySchema,
  /** From the account (first) to the entry's object (last); one step when the entry is the account itself. */
  path: z.array(PathStepSchema).min(1),
  direct: z.boolean(),
  /** The first link is the account's primary group (no Members tab shows it). */
  throughPrimaryGroup: z.boolean(),
  /** The entry is a well-known principal every network logon carries (Everyone, Authenticated Users…). */
  everyLogon: z.boolean(),
});
/** See {@link AdmittingGrantSchema}. */
export type AdmittingGrant = z.infer<typeof AdmittingGrantSchema>;

/** Stable codes of what an explanation tells the admin (docs/explain.md). */
export const ExplainAdviceCodeSchema = z.enum([
  'REFUSED_2001',
  'JOIN_GROUP',
  'AUTHORIZE_DIRECTLY',
  'FCI_NEEDS_COMPUTER_ACCOUNT',
  'NEW_TICKET_NEEDED',
  'LIST_PICKUP',
  'UNEXPECTED_ROLE',
  'ACCOUNT_DISABLED',
  'DISTRIBUTION_GROUP_IGNORED',
  'OTHER_ROLE_ONLY',
  'NO_SUCH_ACCOUNT',
  'ORPHANED_ENTRY',
]);
/** See {@link ExplainAdviceCodeSchema}. */
export type ExplainAdviceCode = z.infer<typeof ExplainAdviceCodeSchema>;

/** One thing to know or do, with a command or action where there is one. */
export const ExplainAdviceSchema = z.object({
  code: ExplainAdviceCodeSchema,
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  /** A command that does it (`servers add`, `klist purge`…), when one does. */
  command: z.string().optional(),
});
/** See {@link ExplainAdviceSchema}. */
export type ExplainAdvice = z.infer<typeof ExplainAdviceSchema>;

/**
 * Why the connector admits or refuses an account: what "Test a server…" and
 * `rms-connector-admin explain` show. `admitted` is for the role asked, or for any role.
 */
export const ExplanationSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('found'),
    input: z.string(),
    account: DirectoryObjectSchema,
    accountName: z.string(),
    role: RoleSchema.optional(),
    admitted: z.boolean(),
    roles: z.array(RoleSchema),
    superUser: z.boolean(),
    grants: z.array(AdmittingGrantSchema),
    advice: z.array(ExplainAdviceSchema),
    /** How many security groups the account's token carries (nested and primary included). */
    tokenGroupCount: z.number().int().nonnegative(),
  }),
  z.object({
    status: z.literal('ambiguous'),
    input: z.string(),
    role: RoleSchema.optional(),
    admitted: z.literal(false),
    candidates: z.array(DirectoryObjectSchema).min(2),
  }),
  z.object({
    status: z.literal('not-found'),
    input: z.string(),
    role: RoleSchema.optional(),
    admitted: z.literal(false),
    advice: z.array(ExplainAdviceSchema),
  }),
]);
/** See {@link ExplanationSchema}. */
export type Explanation = z.infer<typeof ExplanationSchema>;
