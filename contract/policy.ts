import { z } from 'zod';
import { DirectoryObjectSchema } from './directory.ts';

/** The three roles of the "Servers allowed to utilize the connector" list. */
export const RoleSchema = z.enum(['exchange', 'sharepoint', 'fci']);
/** See {@link RoleSchema}. */
export type Role = z.infer<typeof RoleSchema>;

/** Errors block saving, warnings need an acknowledgement by code, infos are guidance. */
export const SeveritySchema = z.enum(['error', 'warning', 'info']);
/** See {@link SeveritySchema}. */
export type Severity = z.infer<typeof SeveritySchema>;

/** Every finding code; stable once published (docs/finding-codes.md). */
export const FindingCodeSchema = z.enum([
  'EXCHANGE_REQUIRES_SECURITY_GROUP',
  'SUPER_USER_GRANT',
  'SUPER_USER_NON_SERVER_MEMBER',
  'SHAREPOINT_COMPUTER_NEEDS_GROUP',
  'SHAREPOINT_BOTH_ACCOUNTS',
  'FCI_REQUIRES_COMPUTER_ACCOUNTS',
  'FCI_GROUP_NON_COMPUTER_MEMBER',
  'DISTRIBUTION_GROUP',
  'GROUP_SHARES_CERTIFICATES',
  'BROAD_PRINCIPAL',
  'ALREADY_AUTHORIZED',
  'OVERLAPPING_ENTRY',
  'ACCOUNT_DISABLED',
  'CONNECTOR_HOST',
  'NOT_FOUND',
  'AMBIGUOUS_NAME',
  'ORPHANED_ENTRY',
  'EMPTY_GROUP',
  'PREFER_GROUP',
]);
/** See {@link FindingCodeSchema}. */
export type FindingCode = z.infer<typeof FindingCodeSchema>;

/** An account a finding is about. */
export const FindingAccountSchema = z.object({ sid: z.string(), name: z.string() });
/** See {@link FindingAccountSchema}. */
export type FindingAccount = z.infer<typeof FindingAccountSchema>;

/** One finding: what the admin must know (or fix) before the grant. */
export const FindingSchema = z.object({
  code: FindingCodeSchema,
  severity: SeveritySchema,
  message: z.string(),
  accounts: z.array(FindingAccountSchema),
});
/** See {@link FindingSchema}. */
export type Finding = z.infer<typeof FindingSchema>;

/** One entry of the authorized list as stored (and as `--list FILE` gives it). */
export const AuthorizedEntrySchema = z
  .object({
    sid: z.string().regex(/^S-1-\d+(-\d+)+$/i, 'A SID looks like S-1-5-21-…'),
    name: z.string().min(1).max(512),
    role: RoleSchema,
  })
  .strict();
/** See {@link AuthorizedEntrySchema}. */
export type AuthorizedEntry = z.infer<typeof AuthorizedEntrySchema>;

/** The authorized list as a file or API payload. */
export const AuthorizedListSchema = z.array(AuthorizedEntrySchema).max(10_000);

/** An account reached through a group, with the chain of groups that reaches it. */
export const ReachedAccountSchema = z.object({ account: DirectoryObjectSchema, path: z.array(z.string()) });
/** See {@link ReachedAccountSchema}. */
export type ReachedAccount = z.infer<typeof ReachedAccountSchema>;
