import type { SuperUserDifference } from '../../../contract/connector-api/index.ts';
import type { HealthContext } from '../health-context.ts';
import type { HealthCheckDefinition } from '../health-runner.ts';
import { fail, notRunOutcome, pass, quoted, utcDate, warn } from './outcomes.ts';

const NAMES_SHOWN = 5;

/**
 * Nobody became (or stopped being) a super user since the last review; and above all, no account
 * that is not a server's computer account became one.
 *
 * An Exchange entry makes every member of its group a super user, now and later: membership
 * changes without anyone opening the connector's tool, so the service re-expands the entries
 * (the drift job) and this check compares with the last review.
 */
export const superUsersReviewed: HealthCheckDefinition<HealthContext> = {
  code: 'SUPER_USERS_REVIEWED',
  title: 'Super users unchanged since the last review',
  dependsOn: [],
  async run(context) {
    const read = await context.superUsers();
    if (!read.ok) return notRunOutcome(read.reason);
    const snapshot = read.value;
    if (snapshot.expandedAt === null) {
      return notRunOutcome('No node has expanded the Exchange entries yet: the service does it after each list change and every CONNECTOR_DRIFT_INTERVAL.');
    }
    const since =
      snapshot.lastReview === null
        ? 'and were never reviewed'
        : `since the review by ${quoted(snapshot.lastReview.by)} on ${utcDate(new Date(snapshot.lastReview.at))}`;
    const current = new Set(snapshot.superUsers.map((account) => account.sid));
    const joined = snapshot.changesSinceReview.filter((difference) => difference.change === 'joined' && current.has(difference.account.sid));
    const left = snapshot.changesSinceReview.filter((difference) => difference.change === 'left' && !current.has(difference.account.sid));
    const notServers = joined.filter((difference) => difference.account.kind !== 'computer');
    const expanded = `expanded ${utcDate(new Date(snapshot.expandedAt))}${snapshot.expandedBy === null ? '' : ` by ${quoted(snapshot.expandedBy)}`}`;
    if (notServers.length > 0) {
      return fail(
        `${String(notServers.length)} account(s) that are not servers' computer accounts became super users ${since}: ${namesOf(notServers)} (${expanded}). Each can open and remove protection from all protected content.`,
        'Take each out of the group that makes it one (the path is shown on the Effective super users page, or by rms-connector-admin super-users --since-review), then mark the super users reviewed.',
      );
    }
    if (joined.length > 0 || left.length > 0) {
      return warn(
        `${String(joined.length)} joined and ${String(left.length)} left the super users ${since}${joined.length > 0 ? `: joined ${namesOf(joined)}` : ''}${left.length > 0 ? `; left ${namesOf(left)}` : ''} (${expanded}).`,
        'Check each change on the Effective super users page (or rms-connector-admin super-users --since-review), then mark them reviewed (rms-connector-admin super-users review).',
      );
    }
    return pass(
      `${String(snapshot.superUsers.length)} super user(s), no change ${since.replace('and were never reviewed', 'since the first expansion')} (${expanded}).`,
    );
  },
};

function namesOf(differences: readonly SuperUserDifference[]): string {
  const names = differences.slice(0, NAMES_SHOWN).map((difference) => quoted(difference.account.name));
  return differences.length > NAMES_SHOWN ? `${names.join(', ')} and ${String(differences.length - NAMES_SHOWN)} more` : names.join(', ');
}
