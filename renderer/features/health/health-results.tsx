import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { HealthCheckResult, HealthReport, HealthStatus } from '../../../contract/index.ts';
import { formatDateTime } from '../../format/date-time.ts';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: `${tokens.spacingVerticalM} 0 0` },
  line: { display: 'block', marginTop: tokens.spacingVerticalXXS },
  code: { display: 'block', marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground2 },
});

/** Status words, shown on every row: the icon and colour only repeat them. */
export const STATUS_TEXT: Readonly<Record<HealthStatus, string>> = { fail: 'Failed', warn: 'Warning', 'not-run': 'Not run', pass: 'Passed' };

const GROUPS: readonly { readonly status: HealthStatus; readonly heading: string }[] = [
  { status: 'fail', heading: 'Failed' },
  { status: 'warn', heading: 'Warnings' },
  { status: 'not-run', heading: 'Not run' },
  { status: 'pass', heading: 'Passed' },
];

const INTENT = { fail: 'error', warn: 'warning', 'not-run': 'info', pass: 'success' } as const;

/** The one-line result a screen reader hears first. */
export function healthSummary(report: HealthReport): string {
  const { pass, warn, fail, notRun } = report.summary;
  const overall = report.overall === 'fail' ? 'Failed' : report.overall === 'warn' ? 'Passed with warnings' : 'Passed';
  return `${overall}${report.cancelled ? ' (cancelled)' : ''}: ${String(fail)} failed, ${String(warn)} with warnings, ${String(pass)} passed, ${String(notRun)} not run — ${report.connectorUrl}, checked ${formatDateTime(report.finishedAt)}.`;
}

/**
 * Every check of a report, grouped worst first (Failed, Warnings, Not run, Passed).
 *
 * Each row is a message bar whose status is written out ("Status: Failed"), so nothing
 * depends on colour or icon; it says what was measured and what to do. The load-balancer
 * guidance points at the checklist below instead of repeating it.
 */
export function HealthResults(props: { report: HealthReport }) {
  const styles = useStyles();
  return (
    <>
      {GROUPS.map(({ status, heading }) => {
        const results = props.report.results.filter((result) => result.status === status);
        return results.length === 0 ? null : (
          <ResultGroup
            key={status}
            heading={`${heading} (${String(results.length)})`}
            results={results}
            className={styles.group}
            headingClass={styles.heading}
          />
        );
      })}
    </>
  );
}

function ResultGroup(props: { heading: string; results: readonly HealthCheckResult[]; className: string; headingClass: string }) {
  const headingId = useId();
  return (
    <section className={props.className} aria-labelledby={headingId}>
      <h2 id={headingId} className={props.headingClass}>
        {props.heading}
      </h2>
      {props.results.map((result) => (
        <ResultRow key={result.code} result={result} />
      ))}
    </section>
  );
}

function ResultRow(props: { result: HealthCheckResult }) {
  const styles = useStyles();
  const { result } = props;
  const checklist = result.code === 'LOAD_BALANCER_GUIDANCE';
  return (
    <MessageBar intent={INTENT[result.status]} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{result.title}</MessageBarTitle>
        <Text className={styles.line} weight="semibold">
          Status: {STATUS_TEXT[result.status]}
        </Text>
        {result.notRunReason !== undefined && <Text className={styles.line}>Why not run: {result.notRunReason.replace(/^Not run: /, '')}</Text>}
        {result.measured !== '' && <Text className={styles.line}>Measured: {result.measured}</Text>}
        {checklist ? (
          <Text className={styles.line}>What to do: tick off the load balancer checklist below.</Text>
        ) : (
          result.action !== '' && <Text className={styles.line}>What to do: {result.action}</Text>
        )}
        <Text size={200} className={styles.code}>
          Code: {result.code}
        </Text>
      </MessageBarBody>
    </MessageBar>
  );
}
