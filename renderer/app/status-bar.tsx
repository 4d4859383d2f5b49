import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, ClockRegular, LiveOffRegular, LiveRegular, PlugConnectedRegular } from '@fluentui/react-icons';
import type { JSX } from 'react';
import { useStore } from 'zustand';
import type { LiveFeedState } from '../../contract/index.ts';
import { useStores } from '../stores/stores-context.tsx';
import { SessionStatusItems } from './session-status-items.tsx';

const useStyles = makeStyles({
  bar: {
    position: 'sticky',
    bottom: 0,
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  feed: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  live: { color: tokens.colorPaletteGreenForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  detail: { color: tokens.colorNeutralForeground2 },
  notice: { marginLeft: 'auto' },
});

/** What the status bar says about the feed: a short label, and a sentence for when it is not simply live. */
export type FeedStatusText = { readonly label: string; readonly detail: string | undefined };

/**
 * The words of the status bar for each way changes can arrive.
 *
 * Short labels the admin learns to glance at ("Live", "Reconnecting…"); the detail says why,
 * and for a feed that ended, what to do (the service's own sentence).
 */
export function feedStatusText(state: LiveFeedState): FeedStatusText {
  switch (state.status) {
    case 'connecting':
      return { label: 'Connecting to live updates…', detail: undefined };
    case 'live':
      return {
        label: 'Live',
        detail:
          state.node === undefined
            ? 'Changes by any administrator show here as they are made.'
            : `Changes by any administrator show here as they are made (through ${state.node}).`,
      };
    case 'reconnecting':
      return { label: 'Reconnecting…', detail: state.reason };
    case 'polling':
      return { label: `Live updates unavailable: checking every ${String(state.intervalSeconds)} s`, detail: state.reason };
    case 'ended':
      return { label: 'Live updates stopped', detail: state.message };
  }
}

function FeedIcon(props: { state: LiveFeedState; className: string }): JSX.Element {
  switch (props.state.status) {
    case 'connecting':
      return <PlugConnectedRegular aria-hidden className={props.className} />;
    case 'live':
      return <LiveRegular aria-hidden className={props.className} />;
    case 'reconnecting':
      return <ArrowSyncRegular aria-hidden className={props.className} />;
    case 'polling':
      return <ClockRegular aria-hidden className={props.className} />;
    case 'ended':
      return <LiveOffRegular aria-hidden className={props.className} />;
  }
}

/**
 * The console's status bar: how other admins' changes reach this window, where it is connected
 * (service, node, domain controller, account, list version and when it was read), and the last change.
 *
 * The feed state and the notice are polite live regions, so a screen reader hears
 * "Reconnecting…" or "CORP\bob added …" without losing its place; the notice stays until the
 * next change replaces it. The connection facts are a plain list: they change rarely and
 * announcing each re-read would only be noise.
 */
export function StatusBar() {
  const styles = useStyles();
  const { live, session: sessionStore, servers } = useStores();
  const feed = useStore(live, (state) => state.feed);
  const notice = useStore(live, (state) => state.notice);
  const node = useStore(live, (state) => state.node);
  const session = useStore(sessionStore, (state) => state.session);
  const listVersion = useStore(servers, (state) => state.version);
  const listReadAt = useStore(servers, (state) => state.readAt);
  const text = feed === null ? undefined : feedStatusText(feed);
  const iconClass = feed?.status === 'live' ? styles.live : feed?.status === 'connecting' ? styles.detail : styles.warning;

  return (
    <footer className={styles.bar} aria-label="Status bar">
      <div role="status" className={styles.feed}>
        {feed !== null && text !== undefined && (
          <>
            <FeedIcon state={feed} className={iconClass} />
            <Text weight="semibold">{text.label}</Text>
            {text.detail !== undefined && (
              <Text size={200} className={styles.detail}>
                {text.detail}
              </Text>
            )}
          </>
        )}
      </div>
      {session !== null && <SessionStatusItems session={session} node={node} listVersion={listVersion} listReadAt={listReadAt} />}
      <div role="status" aria-label="Latest change" className={styles.notice}>
        {notice !== undefined && <Text>{notice.text}</Text>}
      </div>
    </footer>
  );
}
