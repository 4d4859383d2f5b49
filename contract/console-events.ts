import { z } from 'zod';

/**
 * What a change touched, so a view re-reads only what it shows.
 *
 * `list` is the authorized list, `administrators` the role-based administrators,
 * `onboarding` onboarding control, `super-user-feature` the RMS super-user feature.
 */
export const ChangeTopicSchema = z.enum(['list', 'administrators', 'onboarding', 'super-user-feature', 'super-users']);
/** See {@link ChangeTopicSchema}. */
export type ChangeTopic = z.infer<typeof ChangeTopicSchema>;

const text = z.string().max(2048);

/**
 * How the console hears about other admins' changes, as its status bar says it.
 *
 * `connecting` until the feed first answers; `live` while it streams; `reconnecting` after a
 * dropped stream (`retryAt` is the next attempt); `polling` when the feed cannot be used (an
 * old service, a proxy that buffers) and main checks the list every `intervalSeconds`
 * instead; `ended` when the service closed the feed for good (token expired, role revoked):
 * `message` says what to do.
 */
export const LiveFeedStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('connecting') }).strict(),
  z.object({ status: z.literal('live'), node: text.optional() }).strict(),
  z.object({ status: z.literal('reconnecting'), reason: text, retryAt: z.iso.datetime().optional() }).strict(),
  z.object({ status: z.literal('polling'), reason: text, intervalSeconds: z.number().int().positive() }).strict(),
  z.object({ status: z.literal('ended'), code: z.string().min(1).max(64), message: text }).strict(),
]);
/** See {@link LiveFeedStateSchema}. */
export type LiveFeedState = z.infer<typeof LiveFeedStateSchema>;

/** One committed change, told for people: `summary` has no time; the renderer adds `at` in local time. */
export const LiveChangeSchema = z
  .object({
    /** E.g. `CORP\bob added CORP\FS02$ as File server using FCI, through RMSCON02`. */
    summary: text,
    at: z.iso.datetime(),
    actor: text,
    node: text,
    /** The authorized list's version after the change. */
    listVersion: z.number().int().nonnegative(),
    touches: z.array(ChangeTopicSchema).min(1),
  })
  .strict();
/** See {@link LiveChangeSchema}. */
export type LiveChange = z.infer<typeof LiveChangeSchema>;

/**
 * Everything main pushes to the console's window on its one event channel.
 *
 * `feed-state` when the way changes arrive changes; `change` for each change any admin commits
 * on any node; `reload` when changes were missed and cannot be told one by one (the console was
 * away too long, or main only polls and saw the version move): read everything again.
 */
export const ConsoleEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('feed-state'), state: LiveFeedStateSchema }).strict(),
  z.object({ kind: z.literal('change'), change: LiveChangeSchema }).strict(),
  z.object({ kind: z.literal('reload'), listVersion: z.number().int().nonnegative(), at: z.iso.datetime(), message: text }).strict(),
]);
/** See {@link ConsoleEventSchema}. */
export type ConsoleEvent = z.infer<typeof ConsoleEventSchema>;
