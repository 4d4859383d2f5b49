import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { ExplainAdvice, ExplainAdviceCode } from '../../../contract/explain.ts';

/** A short title per advice code (docs/explain.md); the message says the rest. */
export const ADVICE_TITLES: Readonly<Record<ExplainAdviceCode, string>> = {
  REFUSED_2001: 'The connector refuses this account (warning 2001)',
  JOIN_GROUP: 'Add it to an authorized group',
  AUTHORIZE_DIRECTLY: 'Or authorize the account itself',
  FCI_NEEDS_COMPUTER_ACCOUNT: 'File servers need their computer account',
  NEW_TICKET_NEEDED: 'The server needs a new Kerberos ticket',
  LIST_PICKUP: 'Connectors read the list again within about 15 minutes',
  UNEXPECTED_ROLE: 'Admitted in a role it does not look like it needs',
  ACCOUNT_DISABLED: 'The account is disabled',
  DISTRIBUTION_GROUP_IGNORED: 'A distribution group is ignored',
  OTHER_ROLE_ONLY: 'Admitted in another role only',
  NO_SUCH_ACCOUNT: 'No such account',
  ORPHANED_ENTRY: 'An entry names a deleted account',
};

const GROUPS = [
  { severity: 'error', heading: 'Errors', intent: 'error' },
  { severity: 'warning', heading: 'Warnings', intent: 'warning' },
  { severity: 'info', heading: 'Information', intent: 'info' },
] as const;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  command: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
  },
});

/**
 * What to know and do, grouped under Errors, Warnings and Information like the add dialog's findings.
 *
 * Each command shows in monospace with its own copy button, so an admin can paste
 * `Add-ADGroupMember …` or `klist purge -li 0x3e7` without retyping it.
 */
export function AdviceList(props: { advice: readonly ExplainAdvice[] }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      {GROUPS.map((group) => {
        const items = props.advice.filter((advice) => advice.severity === group.severity);
        if (items.length === 0) return null;
        return (
          <section key={group.severity} className={styles.group} aria-label={group.heading}>
            <h3 className={styles.heading}>{group.heading}</h3>
            {items.map((advice, index) => (
              <MessageBar key={`${advice.code}-${String(index)}`} intent={group.intent} layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{ADVICE_TITLES[advice.code]}</MessageBarTitle>
                  {advice.message}
                  {advice.command !== undefined && <AdviceCommand command={advice.command} />}
                  <Text block size={200}>
                    Code: {advice.code}
                  </Text>
                </MessageBarBody>
              </MessageBar>
            ))}
          </section>
        );
      })}
    </div>
  );
}

function AdviceCommand(props: { command: string }) {
  const styles = useStyles();
  const codeId = useId();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'refused'>('idle');
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(props.command);
      setCopied('copied');
    } catch {
      setCopied('refused');
    }
  };
  return (
    <div className={styles.command}>
      <code id={codeId} className={styles.code}>
        {props.command}
      </code>
      <Button size="small" icon={<CopyRegular />} aria-describedby={codeId} onClick={() => void copy()}>
        Copy command
      </Button>
      <Text role="status" size={200}>
        {copied === 'copied' ? 'Copied.' : copied === 'refused' ? 'The clipboard could not be used: select the command and press Ctrl+C.' : ''}
      </Text>
    </div>
  );
}
