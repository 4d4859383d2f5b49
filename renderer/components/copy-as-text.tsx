import { Button, Field, Text, Textarea, makeStyles, tokens, useMergedRefs } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  text: { fontFamily: tokens.fontFamilyMonospace },
});

type CopyState = 'idle' | 'copied' | 'manual';

/** Props of {@link CopyAsText}. */
export type CopyAsTextProps = {
  readonly text: string;
  /** Said once copied ("Copied the report to the clipboard."). */
  readonly copiedMessage: string;
  /** Label of the read-only box shown where the clipboard refuses ("Report as text"). */
  readonly boxLabel: string;
};

/**
 * "Copy as text": a plain-text report on the clipboard, for a ticket (health, Test a server…).
 *
 * Where the clipboard refuses (the desktop app denies web permissions; some browsers ask),
 * the text appears in a read-only box, selected, so Ctrl+C still works.
 */
export function CopyAsText(props: CopyAsTextProps) {
  const styles = useStyles();
  const [state, setState] = useState<CopyState>('idle');
  const box = useRef<HTMLTextAreaElement>(null);
  // Fluent's element-ref inference is `never` with @types/react 19.3; a merged (callback) ref fits.
  const boxRef = useMergedRefs(box);
  useEffect(() => {
    setState('idle');
  }, [props.text]);
  useEffect(() => {
    if (state !== 'manual') return;
    box.current?.focus();
    box.current?.select();
  }, [state]);
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(props.text);
      setState('copied');
    } catch {
      setState('manual');
    }
  };
  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Button icon={<CopyRegular />} onClick={() => void copy()}>
          Copy as text
        </Button>
        <Text role="status">{state === 'copied' ? props.copiedMessage : ''}</Text>
      </div>
      {state === 'manual' && (
        <Field label={props.boxLabel} hint="The clipboard could not be used here: the text is selected, press Ctrl+C to copy it.">
          <Textarea ref={boxRef} className={styles.text} readOnly value={props.text} rows={12} resize="vertical" />
        </Field>
      )}
    </div>
  );
}
