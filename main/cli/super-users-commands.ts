import type { SnapshotSuperUser, SuperUserDifference, SuperUsers } from '../../contract/connector-api/index.ts';
import { ConnectorError, type ConnectorClient } from '../../core/connector/index.ts';
import { CliError, EXIT } from './cli-error.ts';
import type { CommandResult } from './directory-commands.ts';

/**
 * `super-users --since-review`: who became or stopped being a super user since the last review,
 * from the service's drift snapshot (no directory connection needed). Exit 1 when anything
 * changed, so a scheduled script can alert.
 */
export async function superUsersSinceReviewCommand(client: ConnectorClient): Promise<CommandResult> {
  const { superUsers } = await client.superUsers();
  const changes = superUsers.changesSinceReview;
  const lines = [headingOf(superUsers)];
  if (changes.length === 0) lines.push('', 'No change since the last review.');
  else {
    lines.push('', `${String(changes.length)} change(s) since the last review, oldest first:`);
    for (const difference of changes) lines.push(...differenceLines(difference));
    lines.push('', 'When each is expected: rms-connector-admin super-users review');
  }
  return { human: lines.join('\n'), json: superUsers, exitCode: changes.length === 0 ? EXIT.ok : EXIT.unresolved };
}

/**
 * `super-users review [--version N]`: mark the super users reviewed, conditionally: the version
 * is the one the admin looked at (`--version`, from `--since-review --json`), else the one read
 * now, whose changes are printed with the confirmation. A set that changed meanwhile is refused.
 */
export async function reviewSuperUsersCommand(client: ConnectorClient, versionFlag: string | undefined): Promise<CommandResult> {
  const version = versionFlag === undefined ? undefined : versionOf(versionFlag);
  const { superUsers } = await client.superUsers();
  if (superUsers.expandedAt === null) {
    throw new CliError('NOT_EXPANDED', 'No node has expanded the Exchange entries yet, so there is nothing to review. Try again in a minute.');
  }
  const reviewed = version ?? superUsers.version;
  try {
    const { review } = await client.reviewSuperUsers(reviewed);
    const acknowledged = version === undefined || version === superUsers.version ? superUsers.changesSinceReview : [];
    const lines = [
      `Marked ${String(superUsers.superUsers.length)} super user(s) reviewed (version ${String(review.version)}) as ${review.by} at ${review.at}.`,
    ];
    if (acknowledged.length > 0) lines.push(`${String(acknowledged.length)} change(s) acknowledged:`, ...acknowledged.flatMap(differenceLines));
    return { human: lines.join('\n'), json: { review, acknowledged }, exitCode: EXIT.ok };
  } catch (error) {
    if (error instanceof ConnectorError && error.code === 'PRECONDITION_FAILED') {
      throw new CliError(
        'PRECONDITION_FAILED',
        `The super users changed since version ${String(reviewed)} was read: nothing was marked reviewed. Look again (rms-connector-admin super-users --since-review), then review.`,
      );
    }
    throw error;
  }
}

function headingOf(superUsers: SuperUsers): string {
  const expanded =
    superUsers.expandedAt === null
      ? 'not expanded yet'
      : `expanded ${superUsers.expandedAt}${superUsers.expandedBy === null ? '' : ` by ${superUsers.expandedBy}`}`;
  const review = superUsers.lastReview === null ? 'never reviewed' : `last reviewed ${superUsers.lastReview.at} by ${superUsers.lastReview.by}`;
  return `${String(superUsers.superUsers.length)} effective super user(s), version ${String(superUsers.version)} (${expanded}; ${review}).`;
}

function differenceLines(difference: SuperUserDifference): string[] {
  const sign = difference.change === 'joined' ? '+ joined' : '- left  ';
  const warning =
    difference.change === 'joined' && difference.account.kind !== 'computer' ? '  [not a server: a person or service can now open all protected content]' : '';
  return [
    `  ${sign} ${difference.account.name} (${difference.account.kind}) ${difference.at} on ${difference.node}${warning}`,
    ...pathLines(difference.account),
  ];
}

function pathLines(account: SnapshotSuperUser): string[] {
  return account.grants.map((grant) => {
    const chain = [...grant.path].reverse();
    const via = chain.length === 0 ? 'the entry itself' : chain.join(' → ');
    return `      through ${via}${grant.throughPrimaryGroup ? ' (primary group)' : ''} → entry ${grant.entryName}`;
  });
}

function versionOf(text: string): number {
  const value = Number(text);
  if (!/^\d{1,15}$/.test(text) || !Number.isSafeInteger(value))
    throw new CliError('USAGE', `--version must be a whole number (from super-users --since-review --json), not "${text}".`);
  return value;
}
