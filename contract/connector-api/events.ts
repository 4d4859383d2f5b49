import { z } from 'zod';
import { AuditActionSchema } from '../audit.ts';

/**
 * The change feed, `GET /v1/events`: Server-Sent Events, one `change` event per committed change.
 *
 * Event ids are the configuration's change sequence: every committed change of the authorized
 * list, the administrators, onboarding control or the super-user feature takes the next number,
 * in commit order, with no gaps. The list version alone cannot be the id, because changes of
 * the administrators leave it as it is; every event carries it too.
 *
 * On the wire (text/event-stream, UTF-8):
 * - `ready` first (its id is the position the stream starts from), then the missed changes when
 *   the client sent `Last-Event-ID`, then each change as it is committed on any node;
 * - `reload` when the missed changes cannot be replayed (too many, or a position this service
 *   never reached): the client reads everything again; the stream goes on from the current
 *   position;
 * - `end` just before the service closes the stream (the token expired, the account lost its
 *   role, the node is stopping): the reason and what to do;
 * - comment lines (`: keep-alive`) every `heartbeatSeconds`, so proxies keep an idle stream open.
 */
export const FEED_EVENTS = { ready: 'ready', change: 'change', reload: 'reload', end: 'end' } as const;
/** One of the event names of {@link FEED_EVENTS}. */
export type FeedEventName = (typeof FEED_EVENTS)[keyof typeof FEED_EVENTS];

/** The most changes a stream replays after `Last-Event-ID`; a client further behind gets `reload`. */
export const FEED_REPLAY_LIMIT = 1000;

/** One audit record of a change: what it did to one entry, role assignment or setting. */
export const FeedChangeRecordSchema = z
  .object({
    action: AuditActionSchema,
    target: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .strict();
/** See {@link FeedChangeRecordSchema}. */
export type FeedChangeRecord = z.infer<typeof FeedChangeRecordSchema>;

/** `change`: one committed change, as its audit records tell it (no secrets: audit content only). */
export const ChangeEventSchema = z
  .object({
    /** The change's place in the sequence; the SSE event id. */
    sequence: z.number().int().positive(),
    /** The authorized list's version after the change (its ETag without quotes). */
    listVersion: z.number().int().nonnegative(),
    at: z.iso.datetime(),
    /** Who made it: the administrator's user principal name as the directory holds it (the audit's actor). */
    actor: z.string(),
    actorSid: z.string().nullable(),
    /** The address the request came from, as the audit records it. */
    source: z.string(),
    /** The node that committed it. */
    node: z.string(),
    correlationId: z.string(),
    /** At least one record; an import or an Exchange entry (which switches the super-user feature on) has several. */
    records: z.array(FeedChangeRecordSchema).min(1),
  })
  .strict();
/** See {@link ChangeEventSchema}. */
export type ChangeEvent = z.infer<typeof ChangeEventSchema>;

/** `ready`: the stream is open; changes after `sequence` follow. */
export const FeedReadyEventSchema = z
  .object({
    sequence: z.number().int().nonnegative(),
    /** The list's version as the stream opens: a client whose list has another version reads it again. */
    listVersion: z.number().int().nonnegative(),
    /** How many missed changes follow at once (after `Last-Event-ID`). */
    replaying: z.number().int().nonnegative(),
    /** The node serving this stream. */
    node: z.string(),
    heartbeatSeconds: z.number().int().positive(),
    /** When the token expires and the stream ends with `end` (TOKEN_EXPIRED). */
    expiresAt: z.iso.datetime(),
  })
  .strict();
/** See {@link FeedReadyEventSchema}. */
export type FeedReadyEvent = z.infer<typeof FeedReadyEventSchema>;

/** Why a stream asks its client to read everything again. */
/**
 * Why a reload: the service's two reasons, and UNREADABLE_CHANGE, which a client gives itself for
 * a change it cannot read (a newer service's audit action): it reads everything again instead of
 * reconnecting over and over.
 */
export const FeedReloadReasonSchema = z.enum(['REPLAY_WINDOW_EXCEEDED', 'UNKNOWN_POSITION', 'UNREADABLE_CHANGE']);

/** `reload`: the missed changes are not replayed; read the list (and audit) again. */
export const FeedReloadEventSchema = z
  .object({
    reason: FeedReloadReasonSchema,
    message: z.string(),
    /** The current position: changes after it follow. */
    sequence: z.number().int().nonnegative(),
    listVersion: z.number().int().nonnegative(),
  })
  .strict();
/** See {@link FeedReloadEventSchema}. */
export type FeedReloadEvent = z.infer<typeof FeedReloadEventSchema>;

/** Why the service ends a stream. */
export const FeedEndCodeSchema = z.enum(['TOKEN_EXPIRED', 'ROLE_REVOKED', 'ACCOUNT_UNUSABLE', 'ONBOARDING_BLOCKED', 'SERVICE_STOPPING']);
/** See {@link FeedEndCodeSchema}. */
export type FeedEndCode = z.infer<typeof FeedEndCodeSchema>;

/** `end`: the last event of a stream; `message` says what to do (sign in again, reconnect to another node). */
export const FeedEndEventSchema = z
  .object({
    code: FeedEndCodeSchema,
    message: z.string(),
  })
  .strict();
/** See {@link FeedEndEventSchema}. */
export type FeedEndEvent = z.infer<typeof FeedEndEventSchema>;

/**
 * `Last-Event-ID` as the feed accepts it: a change sequence, digits only (no sign, no spaces),
 * at most 15 digits so it stays an exact JavaScript number.
 */
export const LAST_EVENT_ID_PATTERN = /^(0|[1-9][0-9]{0,14})$/;
