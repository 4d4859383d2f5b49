import { Field, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { OutputFilePreview } from '../../../contract/index.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: `${tokens.spacingVerticalM} 0 0` },
  text: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, whiteSpace: 'pre' },
  meta: { color: tokens.colorNeutralForeground2 },
});

const KIND = { reg: 'registry file', 'local-script': 'local PowerShell script', 'gpo-script': 'Group Policy script' } as const;

/**
 * One generated file at a time, exactly as it will be written: the .reg text RegEdit reads,
 * or the script PowerShell runs, in a read-only monospace box.
 *
 * A native select picks the file (keyboard and screen readers know it); the box is a
 * read-only text area, so the text can be selected and copied.
 */
export function FilePreview(props: { files: readonly OutputFilePreview[] }) {
  const styles = useStyles();
  const headingId = useId();
  const [chosen, setChosen] = useState(props.files[0]?.name ?? '');
  const file = props.files.find((candidate) => candidate.name === chosen) ?? props.files[0];
  if (file === undefined) return null;
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        Preview
      </h2>
      <Field label="File to preview">
        <Select
          value={file.name}
          onChange={(_event, data) => {
            setChosen(data.value);
          }}
        >
          {props.files.map((candidate) => (
            <option key={candidate.name} value={candidate.name}>
              {candidate.name}
            </option>
          ))}
        </Select>
      </Field>
      <Text size={200} className={styles.meta}>
        {file.name}: {KIND[file.kind]}, {file.encoding}, {String(file.bytes)} bytes.
      </Text>
      <Field label="File contents">
        <Textarea className={styles.text} readOnly value={file.text} rows={18} resize="vertical" textarea={{ spellCheck: false, wrap: 'off' }} />
      </Field>
    </section>
  );
}
