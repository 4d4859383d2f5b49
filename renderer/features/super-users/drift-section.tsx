import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { CheckmarkCircleRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { useStore } from 'zustand';
import type { SuperUsers } from '../../../contract/super-user-drift.ts';
import { ErrorBar } from '../../components/error-bar.tsx';
import { driftRows, expandedText, lastReviewText, reviewConfirmation, type DriftRow } from './drift-view-model.ts';
import type { SuperUserDriftStore } from './super-user-drift-store.ts';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { ...typographyStyles.subtitle1, margin: 0 },
  facts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'center' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  joined: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteDarkOrangeBorder2}`,
  },
  itemHead: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  account: { ...typographyStyles.body1Strong },
  paths: { margin: `${tokens.spacingVerticalXXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

/**
 * "Changes since last review" at the top of the Effective super users page (issue 18).
 *
 * From the service's drift snapshot: each account that joined (highlighted with a "New super
 * user" badge, never colour alone) or left, who, when, on which node and through which chain;
 * the last review and the last expansion; and "Mark as reviewed", conditional on the version
 * shown. A service without a snapshot is said in words; the directory expansion below stays.
 */
export function DriftSection(props: { store: SuperUserDriftStore }) {
  const styles = useStyles();
  const headingId = useId();
  const state = useStore(props.store);
  const view = state.view;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        Changes since last review
      </h2>
      {state.loadState === 'loading' && <Text>Reading the service&apos;s record of super-user changes…</Text>}
      {state.loadState === 'failed' && state.error && <ErrorBar error={state.error} />}
      {view?.kept === false && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This service does not record super-user changes</MessageBarTitle>
            It is older than super-user drift, so there is nothing to review here. The list below is expanded from the directory now.
          </MessageBarBody>
        </MessageBar>
      )}
      {state.reviewState === 'failed' && state.reviewError && <ErrorBar error={state.reviewError} />}
      {view?.kept === true && <SnapshotDrift snapshot={view.snapshot} store={props.store} />}
    </section>
  );
}

function SnapshotDrift(props: { snapshot: SuperUsers; store: SuperUserDriftStore }) {
  const styles = useStyles();
  const { snapshot } = props;
  const state = useStore(props.store);
  const [confirming, setConfirming] = useState(false);
  const rows = driftRows(snapshot);
  const saving = state.reviewState === 'saving';
  return (
    <>
      <div className={styles.facts}>
        <Text>{lastReviewText(snapshot)}</Text>
        <Text>{expandedText(snapshot)}</Text>
        <Button
          icon={<CheckmarkCircleRegular />}
          disabledFocusable={saving || snapshot.expandedAt === null}
          onClick={() => {
            setConfirming(true);
          }}
        >
          Mark as reviewed
        </Button>
      </div>
      <Text role="status">
        {rows.length === 0
          ? 'No changes since the last review.'
          : rows.length === 1
            ? '1 change since the last review.'
            : `${String(rows.length)} changes since the last review.`}
        {state.reviewState === 'saved' && state.reviewed ? ` Marked as reviewed by ${state.reviewed.by}.` : ''}
      </Text>
      {rows.length > 0 && (
        <ul className={styles.list} aria-label="Changes since last review">
          {rows.map((row) => (
            <DriftItem key={row.key} row={row} />
          ))}
        </ul>
      )}
      <Dialog
        modalType="alert"
        open={confirming}
        onOpenChange={(_event, data) => {
          if (!data.open) setConfirming(false);
        }}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Mark the super users as reviewed?</DialogTitle>
            <DialogContent>
              <p>{reviewConfirmation(snapshot)}</p>
            </DialogContent>
            <DialogActions>
              <Button
                onClick={() => {
                  setConfirming(false);
                }}
              >
                Cancel
              </Button>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirming(false);
                  void props.store.getState().review(snapshot.version);
                }}
              >
                Mark as reviewed
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}

function DriftItem(props: { row: DriftRow }) {
  const styles = useStyles();
  const { row } = props;
  const joined = row.change === 'joined';
  return (
    <li className={joined ? `${styles.item} ${styles.joined}` : styles.item} aria-label={`${joined ? 'Joined' : 'Left'}: ${row.accountName}`}>
      <div className={styles.itemHead}>
        {joined ? (
          <Badge appearance="filled" color="danger">
            New super user
          </Badge>
        ) : (
          <Badge appearance="outline" color="informative">
            No longer a super user
          </Badge>
        )}
        <span className={styles.account}>{row.accountName}</span>
        <Text>{row.kind}</Text>
        {row.notAServer && (
          <Badge appearance="tint" color="warning">
            Not a server
          </Badge>
        )}
        <Text>
          {joined ? 'Joined' : 'Left'} {row.when} on {row.node}
        </Text>
      </div>
      {row.paths.length > 0 && (
        <ul className={styles.paths} aria-label={`Path of ${row.accountName}`}>
          {row.paths.map((path) => (
            <li key={path}>{path}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
