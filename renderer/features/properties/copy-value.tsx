import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  value: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere', userSelect: 'text' },
});

type CopyState = 'idle' | 'copied' | 'refused';

/**
 * A value in monospace with its own copy button ("Copy SID"), for pasting into PowerShell or a
 * ticket; where the clipboard refuses, the value stays selectable and the button says so.
 */
export function CopyValue(props: { value: string; copyLabel: string }) {
  const styles = useStyles();
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    setState('idle');
  }, [props.value]);
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(props.value);
      setState('copied');
    } catch {
      setState('refused');
    }
  };
  return (
    <span className={styles.row}>
      <Text className={styles.value}>{props.value}</Text>
      <Button size="small" appearance="subtle" icon={<CopyRegular />} aria-label={props.copyLabel} title={props.copyLabel} onClick={() => void copy()} />
      <Text size={200} role="status">
        {state === 'copied' ? 'Copied' : state === 'refused' ? 'The clipboard is not available: select the text and press Ctrl+C' : ''}
      </Text>
    </span>
  );
}
