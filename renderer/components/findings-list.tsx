import { Checkbox, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { Finding, FindingAccount, FindingCode, Severity } from '../../contract/index.ts';
import { FINDING_TITLES } from '../../contract/index.ts';
import { acknowledgementLabel } from './finding-texts.ts';

/** How many accounts a finding lists before it says "and N more". */
export const MAX_LISTED_ACCOUNTS = 20;

const GROUPS: readonly { severity: Severity; heading: string; intent: 'error' | 'warning' | 'info' }[] = [
  { severity: 'error', heading: 'Errors', intent: 'error' },
  { severity: 'warning', heading: 'Warnings', intent: 'warning' },
  { severity: 'info', heading: 'Information', intent: 'info' },
];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  finding: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  accounts: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

/** Props of {@link FindingsList}. */
export type FindingsListProps = {
  findings: readonly Finding[];
  /** Which warnings the admin has acknowledged; give it (with `onAcknowledge`) to show the checkboxes. */
  acknowledged?: Readonly<Partial<Record<FindingCode, boolean>>>;
  onAcknowledge?: (code: FindingCode, checked: boolean) => void;
  /** Level of the Errors/Warnings/Information headings (3 inside a dialog, 2 on a page). */
  headingLevel?: 2 | 3;
};

/**
 * Findings as Fluent message bars, grouped under Errors, Warnings and Information.
 *
 * Shared by the add dialog (where each warning needs an "I understand…" acknowledgement
 * before saving) and the list review (read-only). Each finding lists its accounts so the
 * admin sees who is affected, capped so a forest-wide group cannot flood the screen.
 */
export function FindingsList(props: FindingsListProps) {
  const styles = useStyles();
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className={styles.root}>
      {GROUPS.map((group) => {
        const findings = props.findings.filter((finding) => finding.severity === group.severity);
        if (findings.length === 0) return null;
        return (
          <section key={group.severity} className={styles.group} aria-label={group.heading}>
            <Heading className={styles.heading}>{group.heading}</Heading>
            {findings.map((finding, index) => (
              <FindingItem key={`${finding.code}-${String(index)}`} finding={finding} intent={group.intent} {...ackProps(props, finding)} />
            ))}
          </section>
        );
      })}
    </div>
  );
}

function ackProps(props: FindingsListProps, finding: Finding): { checked?: boolean; onAcknowledge?: (code: FindingCode, checked: boolean) => void } {
  if (finding.severity !== 'warning' || !props.onAcknowledge) return {};
  return { checked: props.acknowledged?.[finding.code] === true, onAcknowledge: props.onAcknowledge };
}

function FindingItem(props: {
  finding: Finding;
  intent: 'error' | 'warning' | 'info';
  checked?: boolean;
  onAcknowledge?: (code: FindingCode, checked: boolean) => void;
}) {
  const styles = useStyles();
  const { finding, onAcknowledge } = props;
  return (
    <div className={styles.finding}>
      <MessageBar intent={props.intent} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{FINDING_TITLES[finding.code]}</MessageBarTitle>
          {finding.message}
          <AccountList accounts={finding.accounts} />
        </MessageBarBody>
      </MessageBar>
      {onAcknowledge && (
        <Checkbox
          label={acknowledgementLabel(finding.code)}
          checked={props.checked === true}
          onChange={(_event, data) => {
            onAcknowledge(finding.code, data.checked === true);
          }}
        />
      )}
    </div>
  );
}

function AccountList(props: { accounts: readonly FindingAccount[] }) {
  const styles = useStyles();
  if (props.accounts.length === 0) return null;
  const shown = props.accounts.slice(0, MAX_LISTED_ACCOUNTS);
  const more = props.accounts.length - shown.length;
  return (
    <ul className={styles.accounts} aria-label="Accounts">
      {shown.map((account, index) => (
        <li key={`${account.sid}-${String(index)}`}>{account.name}</li>
      ))}
      {more > 0 && <li>and {more} more</li>}
    </ul>
  );
}
