import { z } from 'zod';
import { ObjectKindSchema } from './directory.ts';
import { AddServerRequestSchema } from './servers.ts';

/** How many member names the remove confirmation shows; the count covers all of them. */
export const REMOVAL_IMPACT_NAMES = 10;

/** Who loses access when an entry goes: the entry's object by SID, read from the directory. */
export const RemovalImpactRequestSchema = z.object({ sid: AddServerRequestSchema.shape.sid, operationId: z.uuid() }).strict();
/** See {@link RemovalImpactRequestSchema}. */
export type RemovalImpactRequest = z.infer<typeof RemovalImpactRequestSchema>;

/**
 * What the directory says an entry stands for, and for a group every account in it at any depth.
 *
 * `object` is null when the SID no longer resolves (an orphaned entry: removing it takes
 * nobody's access). `members` is null for an account; for a group, `total` counts every
 * non-group account reached through nested groups and primary groups, and `first` names
 * the first of them (`DOMAIN\sam`, sorted) for the confirmation.
 */
export const RemovalImpactSchema = z
  .object({
    object: z.object({ sid: z.string(), label: z.string(), kind: ObjectKindSchema }).strict().nullable(),
    members: z
      .object({ total: z.number().int().nonnegative(), first: z.array(z.string()).max(REMOVAL_IMPACT_NAMES) })
      .strict()
      .nullable(),
  })
  .strict();
/** See {@link RemovalImpactSchema}. */
export type RemovalImpact = z.infer<typeof RemovalImpactSchema>;
