import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { ClipboardTaskListLtrRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { useStore } from 'zustand';
import type { Finding, ListReview } from '../../../contract/index.ts';
import { FindingsList } from '../../components/findings-list.tsx';
import { LoadStatus } from '../../components/load-status.tsx';
import { useStores } from '../../stores/stores-context.tsx';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '60rem' },
  heading: { ...typographyStyles.title2, margin: 0 },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL },
});

function count(findings: readonly Finding[], severity: Finding['severity'], one: string, many: string): string {
  const n = findings.filter((finding) => finding.severity === severity).length;
  return `${String(n)} ${n === 1 ? one : many}`;
}

/**
 * A one-line summary of a review: how many entries, and how many findings of each severity.
 *
 * Read first by a screen reader (it is the status), before the admin walks the findings.
 */
export function reviewSummary(review: ListReview): string {
  const { findings } = review;
  const entries = `${String(review.entries)} ${review.entries === 1 ? 'entry' : 'entries'}`;
  return `Reviewed ${entries} (list version ${String(review.listVersion)}): ${count(findings, 'error', 'error', 'errors')}, ${count(findings, 'warning', 'warning', 'warnings')}, ${count(findings, 'info', 'note', 'notes')}.`;
}

/**
 * List review: the policy run over the whole live list (orphans, overlaps, broad principals…).
 *
 * It resolves every entry against the directory, so it runs only when asked (Run review),
 * shows progress and can be cancelled; findings read like the add dialog's, without checkboxes.
 */
export function ReviewPage() {
  const styles = useStyles();
  const headingId = useId();
  const { review } = useStores();
  const state = useStore(review);
  const result = state.result;
  return (
    <section className={styles.page} aria-labelledby={headingId}>
      <h1 id={headingId} className={styles.heading}>
        List review
      </h1>
      <Text>Checks every entry of the list against the directory and the connector’s rules for each role.</Text>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<ClipboardTaskListLtrRegular />}
          disabledFocusable={state.loadState === 'loading'}
          onClick={() => void review.getState().run()}
        >
          Run review
        </Button>
      </div>
      <LoadStatus loadState={state.loadState} error={state.error} loadingLabel="Reviewing the list…" onCancel={() => void review.getState().cancel()} />
      {result && <Text role="status">{reviewSummary(result)}</Text>}
      {result && result.findings.length === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>No problems found</MessageBarTitle>
            Every entry resolves and fits its role.
          </MessageBarBody>
        </MessageBar>
      )}
      {result && <FindingsList findings={result.findings} headingLevel={2} />}
    </section>
  );
}
