import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SessionSummary } from '../../contract/index.ts';
import { useNow } from '../components/use-now.ts';
import { formatDateTime, formatRelativeTime } from '../format/date-time.ts';
import { adminRoleLabel } from '../format/labels.ts';

const useStyles = makeStyles({
  items: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  item: { display: 'flex', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  label: { color: tokens.colorNeutralForeground2 },
});

/** How often "read 2 minutes ago" is measured again. */
const RELATIVE_TIME_REFRESH_MS = 15_000;

/** What the status bar says about where the console is connected and who uses it. */
export type SessionStatus = {
  readonly session: SessionSummary;
  /** The service node that answered the change feed, when known. */
  readonly node: string | undefined;
  readonly listVersion: number | undefined;
  /** When the list shown was read (ISO instant). */
  readonly listReadAt: string | undefined;
};

/** One item of the status bar: its words, and the name a screen reader announces. */
export type StatusItem = { readonly label: string; readonly value: string; readonly title?: string; readonly dateTime?: string };

/**
 * The status bar's items in words: service, node, domain controller, account, list version, last read.
 *
 * Pure, so the words are tested without rendering; `now` measures "last read" (relative, with
 * the date and time in the system's format as its title, for the mouse, and in its name).
 */
export function sessionStatusItems(status: SessionStatus, now: number): readonly StatusItem[] {
  const { session } = status;
  const roles = session.admin.roles.map(adminRoleLabel).join(', ');
  const account = session.admin.account ?? session.admin.name;
  const lastRead: StatusItem =
    status.listReadAt === undefined
      ? { label: 'Last read', value: 'not yet' }
      : {
          label: 'Last read',
          // The clock ticks every 15 s: a read just now is never "in 2 seconds".
          value: formatRelativeTime(status.listReadAt, Math.max(now, Date.parse(status.listReadAt))),
          title: formatDateTime(status.listReadAt),
          dateTime: status.listReadAt,
        };
  return [
    { label: 'Service', value: session.serviceUrl },
    { label: 'Node', value: status.node ?? 'not known yet' },
    { label: 'Domain controller', value: session.directory.serverName },
    { label: 'Account', value: roles === '' ? account : `${account} (${roles})` },
    { label: 'List version', value: status.listVersion === undefined ? 'not read yet' : String(status.listVersion) },
    lastRead,
  ];
}

/**
 * The status bar's list of connection facts, each item named "Label: value" for screen readers.
 *
 * Windows admin tools keep this at the window's foot (which server, which DC, who): an admin
 * with two consoles open, or one behind a load balancer, sees at a glance where each one acts.
 */
export function SessionStatusItems(props: SessionStatus) {
  const styles = useStyles();
  const now = useNow(RELATIVE_TIME_REFRESH_MS);
  return (
    <ul className={styles.items} aria-label="Connection">
      {sessionStatusItems(props, now).map((item) => (
        <li key={item.label} className={styles.item} aria-label={`${item.label}: ${item.value}${item.title === undefined ? '' : ` (${item.title})`}`}>
          <Text size={200} className={styles.label}>
            {item.label}:
          </Text>
          <Text size={200}>
            {item.dateTime === undefined ? (
              item.value
            ) : (
              <time dateTime={item.dateTime} title={item.title}>
                {item.value}
              </time>
            )}
          </Text>
        </li>
      ))}
    </ul>
  );
}
