import { Button, Label, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useState } from 'react';
import type { CaFilePurpose, ChosenCaFile, IpcError } from '../../contract/index.ts';
import { useAdminApi } from '../api/api-context.tsx';
import { formatDate } from '../format/date-time.ts';
import { ErrorBar } from './error-bar.tsx';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** What the picker shows and reports: its label, hint and purpose, and the file main holds. */
export type CaFilePickerProps = {
  readonly label: string;
  readonly hint: string;
  readonly purpose: CaFilePurpose;
  readonly file: ChosenCaFile | null;
  readonly onChange: (file: ChosenCaFile | null) => void;
  readonly disabled?: boolean;
};

/**
 * A CA certificate file chosen through main: **Choose…** opens the desktop's file picker,
 * main reads and checks the file, and the form keeps only its id and what to show.
 *
 * The renderer never types or sends a path (main would read whatever it named); the group
 * is named by `label`, the chosen file's name, subject and expiry are its status text.
 */
export function CaFilePicker(props: CaFilePickerProps) {
  const styles = useStyles();
  const api = useAdminApi();
  const labelId = useId('ca-file-label');
  const statusId = useId('ca-file-status');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | undefined>(undefined);
  const { file } = props;
  const choose = async () => {
    setBusy(true);
    setError(undefined);
    const answer = await api.call('ca-file:choose', { purpose: props.purpose });
    setBusy(false);
    if (!answer.ok) setError(answer.error);
    else if (answer.value.chosen) props.onChange(answer.value.file);
  };
  return (
    <div role="group" aria-labelledby={labelId} className={styles.group}>
      <Label id={labelId}>{props.label}</Label>
      <Text id={statusId}>{file === null ? 'None chosen.' : describe(file)}</Text>
      <div className={styles.row}>
        <Button aria-describedby={statusId} disabled={props.disabled === true || busy} onClick={() => void choose()}>
          Choose…
        </Button>
        {file !== null && (
          <Button
            disabled={props.disabled === true || busy}
            onClick={() => {
              setError(undefined);
              props.onChange(null);
            }}
          >
            Clear
          </Button>
        )}
      </div>
      <Text size={200} className={styles.hint}>
        {props.hint}
      </Text>
      {error !== undefined && <ErrorBar error={error} />}
    </div>
  );
}

function describe(file: ChosenCaFile): string {
  const about = [file.subject, file.expiresAt === undefined ? undefined : `valid until ${formatDate(file.expiresAt)}`].filter((part) => part !== undefined);
  return about.length === 0 ? file.name : `${file.name} (${about.join(', ')})`;
}
