import { z } from 'zod';

/** Every kind of change the audit trail records. */
export const AuditActionSchema = z.enum([
  'authorized-account.add',
  'authorized-account.remove',
  'super-user-feature.enable',
  'role-based-administrator.add',
  'role-based-administrator.remove',
  'onboarding-control.set',
  'onboarding-control.clear',
]);
/** See {@link AuditActionSchema}. */
export type AuditAction = z.infer<typeof AuditActionSchema>;

/**
 * One append-only record: who, when, from where, on which node, what, before and after.
 *
 * Changes made by one request share a `correlationId` (an import adds and removes many
 * entries; an Exchange entry also switches the super-user feature on).
 */
export const AuditRecordSchema = z
  .object({
    id: z.number().int().positive(),
    at: z.iso.datetime(),
    actor: z.string(),
    actorSid: z.string().nullable(),
    source: z.string(),
    node: z.string(),
    action: AuditActionSchema,
    target: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    correlationId: z.string(),
  })
  .strict();
/** See {@link AuditRecordSchema}. */
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

/** `GET /v1/audit` query: newest first, `before` is the cursor (an id), filters are exact or ranges. */
export const AuditQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    before: z.coerce.number().int().positive().optional(),
    actor: z.string().min(1).max(256).optional(),
    action: AuditActionSchema.optional(),
    since: z.iso.datetime().optional(),
    until: z.iso.datetime().optional(),
  })
  .strict();
/** See {@link AuditQuerySchema}. */
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** One page of audit records and the cursor of the next (older) page. */
export const AuditPageSchema = z
  .object({
    records: z.array(AuditRecordSchema),
    nextBefore: z.number().int().positive().nullable(),
  })
  .strict();
/** See {@link AuditPageSchema}. */
export type AuditPage = z.infer<typeof AuditPageSchema>;
