import { z } from 'zod';

/**
 * Every kind of change the audit trail records.
 *
 * `super-user.joined` and `super-user.left` are not made by an admin: a node saw the effective
 * super users (the transitive members of the Exchange entries) differ from its snapshot.
 */
export const AuditActionSchema = z.enum([
  'authorized-account.add',
  'authorized-account.remove',
  'super-user-feature.enable',
  'role-based-administrator.add',
  'role-based-administrator.remove',
  'onboarding-control.set',
  'onboarding-control.clear',
  // Super-user drift: the service's own observations (actor: the node's directory service account), and an admin's review.
  'super-user.joined',
  'super-user.left',
  'super-users.reviewed',
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

/** One page of audit records and the cursor of the next (older) page. */
export const AuditPageSchema = z
  .object({
    records: z.array(AuditRecordSchema),
    nextBefore: z.number().int().positive().nullable(),
  })
  .strict();
/** See {@link AuditPageSchema}. */
export type AuditPage = z.infer<typeof AuditPageSchema>;
