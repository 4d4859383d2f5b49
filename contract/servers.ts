import { z } from 'zod';
import { ObjectKindSchema } from './directory.ts';
import { FindingCodeSchema, FindingSchema, RoleSchema } from './policy.ts';

/** One stored entry of "Servers allowed to utilize the connector" (the service's shape too). */
export const AuthorizedAccountSchema = z
  .object({
    id: z.uuid(),
    sid: z.string(),
    name: z.string(),
    role: RoleSchema,
    kind: ObjectKindSchema,
    addedBy: z.string(),
    addedAt: z.iso.datetime(),
  })
  .strict();
/** See {@link AuthorizedAccountSchema}. */
export type AuthorizedAccount = z.infer<typeof AuthorizedAccountSchema>;

/**
 * An opaque list version handed back with every read and required by every write.
 *
 * The console never edits a list it has not seen: a write carries the version the admin
 * looked at, and a list changed meanwhile is refused (`LIST_CHANGED`) instead of overwritten.
 */
export const ListVersionTagSchema = z.string().min(1).max(128);

/**
 * What the directory says today about an entry's account: enabled or not, its description.
 *
 * The stored entry keeps only what was true when it was added; these facts are read live, so
 * a disabled account or a builtin group shows as such in the list.
 */
export const ServerAccountFactsSchema = z
  .object({ sid: z.string(), disabled: z.boolean(), builtin: z.boolean(), description: z.string().max(1024).optional() })
  .strict();
/** See {@link ServerAccountFactsSchema}. */
export type ServerAccountFacts = z.infer<typeof ServerAccountFactsSchema>;

/** The live list as the console shows it. */
export const ServerListSchema = z
  .object({
    version: z.number().int().nonnegative(),
    versionTag: ListVersionTagSchema,
    entries: z.array(AuthorizedAccountSchema),
    /** The entries' accounts as the directory has them (absent when it could not be asked). */
    accounts: z.array(ServerAccountFactsSchema).optional(),
  })
  .strict();
/** See {@link ServerListSchema}. */
export type ServerList = z.infer<typeof ServerListSchema>;

/** The findings for one proposed grant, judged against the list version they name. */
export const ServerCheckSchema = z
  .object({
    role: RoleSchema,
    object: z.object({ sid: z.string(), label: z.string(), kind: ObjectKindSchema, inFolder: z.string() }).strict(),
    findings: z.array(FindingSchema),
    versionTag: ListVersionTagSchema,
  })
  .strict();
/** See {@link ServerCheckSchema}. */
export type ServerCheck = z.infer<typeof ServerCheckSchema>;

/** What a save sends: the object by SID, the role, each warning acknowledged, the version judged. */
export const AddServerRequestSchema = z
  .object({
    role: RoleSchema,
    sid: z.string().regex(/^S-1-\d{1,3}(-\d{1,10}){1,15}$/, 'A SID looks like S-1-5-21-…'),
    acknowledged: z.array(FindingCodeSchema).max(32),
    versionTag: ListVersionTagSchema,
    operationId: z.uuid(),
  })
  .strict();
/** See {@link AddServerRequestSchema}. */
export type AddServerRequest = z.infer<typeof AddServerRequestSchema>;

/** The answer to a save. */
export const AddServerResultSchema = z
  .object({
    entry: AuthorizedAccountSchema,
    version: z.number().int().nonnegative(),
    versionTag: ListVersionTagSchema,
    superUserFeatureEnabled: z.boolean(),
    findings: z.array(FindingSchema),
  })
  .strict();
/** See {@link AddServerResultSchema}. */
export type AddServerResult = z.infer<typeof AddServerResultSchema>;

/** The most accounts one save adds at once (a results grid's multi-selection, `a; b; …`). */
export const MAX_ACCOUNTS_PER_SAVE = 200;

/**
 * What a save of several accounts in one role sends: each by SID with the warnings
 * acknowledged for it, and the list version they were checked against. Added as one change.
 */
export const AddServersRequestSchema = z
  .object({
    role: RoleSchema,
    accounts: z
      .array(z.object({ sid: AddServerRequestSchema.shape.sid, acknowledged: AddServerRequestSchema.shape.acknowledged }).strict())
      .min(1)
      .max(MAX_ACCOUNTS_PER_SAVE),
    versionTag: ListVersionTagSchema,
    operationId: z.uuid(),
  })
  .strict();
/** See {@link AddServersRequestSchema}. */
export type AddServersRequest = z.infer<typeof AddServersRequestSchema>;

/** The answer to a save of several: the entries added (one already listed in that role is not added again) and the new version. */
export const AddServersResultSchema = z
  .object({
    added: z.array(AuthorizedAccountSchema),
    version: z.number().int().nonnegative(),
    versionTag: ListVersionTagSchema,
  })
  .strict();
/** See {@link AddServersResultSchema}. */
export type AddServersResult = z.infer<typeof AddServersResultSchema>;

/** The answer to a removal. */
export const RemoveServerResultSchema = z
  .object({ removed: AuthorizedAccountSchema, version: z.number().int().nonnegative(), versionTag: ListVersionTagSchema })
  .strict();
/** See {@link RemoveServerResultSchema}. */
export type RemoveServerResult = z.infer<typeof RemoveServerResultSchema>;

/** The list as CSV text, ready to save (cells that a spreadsheet would run as formulas are quoted inert). */
export const ServerListCsvSchema = z.object({ fileName: z.string(), csv: z.string(), entries: z.number().int().nonnegative() }).strict();
/** See {@link ServerListCsvSchema}. */
export type ServerListCsv = z.infer<typeof ServerListCsvSchema>;
