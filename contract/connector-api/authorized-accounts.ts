import { z } from 'zod';
import { RoleSchema } from '../policy.ts';
import { SidSchema } from './sid.ts';
import { displayText } from './text.ts';
import { AuthorizedAccountSchema } from '../servers.ts';

/** The most entries the list may hold (and an import may carry). */
export const MAX_AUTHORIZED_ACCOUNTS = 10_000;

/** What a client sends to authorize one account for one role. */
export const NewAuthorizedAccountSchema = z
  .object({
    sid: SidSchema,
    name: displayText(256),
    role: RoleSchema,
  })
  .strict();
/** See {@link NewAuthorizedAccountSchema}. */
export type NewAuthorizedAccount = z.infer<typeof NewAuthorizedAccountSchema>;

export { AuthorizedAccountSchema, type AuthorizedAccount } from '../servers.ts';

/** The whole list with the version its ETag carries. */
export const AuthorizedAccountListSchema = z
  .object({
    version: z.number().int().nonnegative(),
    entries: z.array(AuthorizedAccountSchema),
  })
  .strict();
/** See {@link AuthorizedAccountListSchema}. */
export type AuthorizedAccountList = z.infer<typeof AuthorizedAccountListSchema>;

/** The answer to an add: the stored entry, the list's new version, and whether super users were switched on. */
export const AddAuthorizedAccountResultSchema = z
  .object({
    entry: AuthorizedAccountSchema,
    version: z.number().int().nonnegative(),
    superUserFeatureEnabled: z.boolean(),
  })
  .strict();
/** See {@link AddAuthorizedAccountResultSchema}. */
export type AddAuthorizedAccountResult = z.infer<typeof AddAuthorizedAccountResultSchema>;

/** The answer to a remove. */
export const RemoveAuthorizedAccountResultSchema = z
  .object({
    removed: AuthorizedAccountSchema,
    version: z.number().int().nonnegative(),
  })
  .strict();
/** See {@link RemoveAuthorizedAccountResultSchema}. */
export type RemoveAuthorizedAccountResult = z.infer<typeof RemoveAuthorizedAccountResultSchema>;

/** An import: the whole list as it should be afterwards. */
export const ReplaceAuthorizedAccountsSchema = z
  .object({
    entries: z.array(NewAuthorizedAccountSchema).max(MAX_AUTHORIZED_ACCOUNTS),
  })
  .strict();
/** See {@link ReplaceAuthorizedAccountsSchema}. */
export type ReplaceAuthorizedAccounts = z.infer<typeof ReplaceAuthorizedAccountsSchema>;

/** What an import changed, applied as one transaction. */
export const ReplaceAuthorizedAccountsResultSchema = z
  .object({
    version: z.number().int().nonnegative(),
    added: z.array(AuthorizedAccountSchema),
    removed: z.array(AuthorizedAccountSchema),
    superUserFeatureEnabled: z.boolean(),
  })
  .strict();
/** See {@link ReplaceAuthorizedAccountsResultSchema}. */
export type ReplaceAuthorizedAccountsResult = z.infer<typeof ReplaceAuthorizedAccountsResultSchema>;

/** The path parameter naming one entry. */
export const EntryIdParamsSchema = z.object({ id: z.uuid() }).strict();
