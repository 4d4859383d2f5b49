import { z } from 'zod';
import { AuditActionSchema } from '../audit.ts';
import { refuseHiddenCharacters } from '../hidden-characters.ts';

export { AuditActionSchema, AuditPageSchema, AuditRecordSchema, type AuditAction, type AuditPage, type AuditRecord } from '../audit.ts';

/** `GET /v1/audit` query: newest first, `before` is the cursor (an id), filters are exact or ranges. */
export const AuditQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    before: z.coerce.number().int().positive().optional(),
    actor: z.string().min(1).max(256).superRefine(refuseHiddenCharacters('the actor')).optional(),
    action: AuditActionSchema.optional(),
    since: z.iso.datetime().optional(),
    until: z.iso.datetime().optional(),
  })
  .strict();
/** See {@link AuditQuerySchema}. */
export type AuditQuery = z.infer<typeof AuditQuerySchema>;
