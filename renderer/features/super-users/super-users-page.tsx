import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useId, useMemo } from 'react';
import { useStore } from 'zustand';
import { LoadStatus } from '../../components/load-status.tsx';
import { VirtualGrid } from '../../components/virtual-grid/virtual-grid.tsx';
import { useOpenAccountProperties } from '../properties/use-account-properties.ts';
import { useStores } from '../../stores/stores-context.tsx';
import { useLiveMovement } from '../../stores/use-live-movement.ts';
import { DriftSection } from './drift-section.tsx';
import { joinedSinceReview } from './drift-view-model.ts';
import { superUserColumns } from './super-user-columns.ts';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'stretch' },
  heading: { ...typographyStyles.title2, margin: 0 },
  subheading: { ...typographyStyles.subtitle1, margin: 0 },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL },
  grid: { height: 'max(14rem, calc(100vh - 24rem))' },
  orphans: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

const SUPER_USER_TOPICS = ['list', 'super-user-feature', 'super-users'] as const;
const NO_SIDS: ReadonlySet<string> = new Set();

/**
 * Effective super users: every account an Exchange entry lets open all protected content.
 *
 * The expansion runs when the page is first shown (it is the point of the page) and again on
 * Refresh, and while open after each change of the list; it walks nested groups, so it shows
 * progress and can be cancelled. Above it, "Changes since last review" comes from the
 * service's drift snapshot (issue 18); the accounts that joined since the review are marked
 * "New since review" in the list. Both follow live changes (`super-users`) with no click.
 */
export function SuperUsersPage() {
  const styles = useStyles();
  const headingId = useId();
  const { superUsers, superUserDrift } = useStores();
  const state = useStore(superUsers);
  const openAccountProperties = useOpenAccountProperties();
  const driftView = useStore(superUserDrift, (drift) => drift.view);

  useEffect(() => {
    if (superUsers.getState().loadState === 'idle') void superUsers.getState().run();
    void superUserDrift.getState().load();
  }, [superUsers, superUserDrift]);
  // While open, an entry added or removed anywhere (or the feature switched on) is expanded again.
  useLiveMovement(
    SUPER_USER_TOPICS,
    useCallback(() => {
      if (superUsers.getState().loadState !== 'idle') void superUsers.getState().run();
      void superUserDrift.getState().load();
    }, [superUsers, superUserDrift]),
  );

  const result = state.result;
  const columns = useMemo(() => superUserColumns(driftView?.kept === true ? joinedSinceReview(driftView.snapshot) : NO_SIDS), [driftView]);
  return (
    <section className={styles.page} aria-labelledby={headingId}>
      <h1 id={headingId} className={styles.heading}>
        Effective super users
      </h1>
      <div className={styles.actions}>
        <Button
          icon={<ArrowClockwiseRegular />}
          disabledFocusable={state.loadState === 'loading'}
          onClick={() => {
            void superUsers.getState().run();
            void superUserDrift.getState().load();
          }}
        >
          Refresh
        </Button>
      </div>
      <DriftSection store={superUserDrift} />
      <h2 className={styles.subheading}>All effective super users</h2>
      <LoadStatus
        loadState={state.loadState}
        error={state.error}
        loadingLabel="Expanding the Exchange entries…"
        onCancel={() => void superUsers.getState().cancel()}
      />
      {result && result.orphanedEntries.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Exchange entries that no longer resolve</MessageBarTitle>
            These entries grant nothing today; remove them from the list.
            <ul className={styles.orphans} aria-label="Unresolved entries">
              {result.orphanedEntries.map((entry) => (
                <li key={entry.sid}>
                  {entry.name} ({entry.sid})
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <VirtualGrid
        label="Effective super users"
        layoutId="super-users"
        className={styles.grid}
        minWidth="53rem"
        rows={result?.superUsers ?? []}
        rowKey={(row) => row.account.sid}
        columns={columns}
        onActivate={(row) => {
          openAccountProperties({ sid: row.account.sid, name: row.account.name });
        }}
      />
      {result && (
        <Text role="status">
          {result.superUsers.length === 1 ? '1 account can' : `${String(result.superUsers.length)} accounts can`} open all protected content (list version{' '}
          {result.listVersion}).
        </Text>
      )}
    </section>
  );
}
