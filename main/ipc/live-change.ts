import type { AuditAction } from '../../contract/audit.ts';
import type { ChangeTopic, LiveChange } from '../../contract/console-events.ts';
import type { ChangeEvent } from '../../contract/connector-api/index.ts';

const TOPIC_OF_ACTION: Record<AuditAction, ChangeTopic> = {
  'authorized-account.add': 'list',
  'authorized-account.remove': 'list',
  'super-user-feature.enable': 'super-user-feature',
  'role-based-administrator.add': 'administrators',
  'role-based-administrator.remove': 'administrators',
  'onboarding-control.set': 'onboarding',
  'onboarding-control.clear': 'onboarding',
  'super-user.joined': 'super-users',
  'super-user.left': 'super-users',
  'super-users.reviewed': 'super-users',
};

/** What a change touched, each topic once, in the order its records name them. */
export function topicsOf(event: ChangeEvent): ChangeTopic[] {
  return [...new Set(event.records.map((record) => TOPIC_OF_ACTION[record.action]))];
}

/**
 * A feed change as the renderer sees it: told in a sentence, what it touched, no audit detail.
 *
 * The renderer imports only the contract, so the service's event is mapped here; the sentence
 * comes from the one place that tells changes (`describe`, core's `describeChange`), so the
 * console and `servers watch` say the same thing.
 */
export function toLiveChange(event: ChangeEvent, describe: (event: ChangeEvent) => string): LiveChange {
  return { summary: describe(event), at: event.at, actor: event.actor, node: event.node, listVersion: event.listVersion, touches: topicsOf(event) };
}
