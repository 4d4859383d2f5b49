import {
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
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type JSX } from 'react';
import { useStore } from 'zustand';
import type { ImportProgress } from '../../../contract/index.ts';
import { useAdminApi } from '../../api/api-context.tsx';
import { ErrorBar } from '../../components/error-bar.tsx';
import { FileIssues } from './file-issues.tsx';
import { applyBlocker, BLOCKER_TEXTS, describeCounts, importCounts } from './import-preview-model.ts';
import { ImportSection } from './import-rows.tsx';
import { createImportStore } from './import-store.ts';

const useStyles = makeStyles({
  surface: { maxWidth: '760px', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  note: { color: tokens.colorNeutralForeground2 },
});

/** The dialog's title, also its accessible name. */
export const IMPORT_DIALOG_TITLE = 'Import the list from a file';

/** Props of {@link ImportDialog}. */
export type ImportDialogProps = {
  readonly open: boolean;
  readonly onClose: () => void;
  /** The list changed (applied, or refused because someone else changed it): the page reads it again. */
  readonly onListChanged: () => void;
};

/**
 * Import…: main's file picker, then what the file would change — added, removed, unchanged,
 * each entry with the add dialog's findings — and Apply, all of it or nothing.
 *
 * Opening the dialog asks main for a file at once (the picker is main's; the renderer never
 * names a path). Apply stays disabled while an added entry has an error or an unticked
 * warning; main judges again and writes conditionally on the version previewed.
 */
export function ImportDialog(props: ImportDialogProps): JSX.Element {
  const { open, onClose, onListChanged } = props;
  const styles = useStyles();
  const api = useAdminApi();
  const [store] = useState(() => createImportStore(api));
  const state = useStore(store);

  useEffect(() => {
    if (open) void store.getState().choose();
  }, [open, store]);

  const close = () => {
    store.getState().reset();
    onClose();
  };
  const apply = async () => {
    const outcome = await store.getState().apply();
    if (outcome !== 'not-applied') onListChanged();
  };
  const { phase, file, preview } = state;
  const blocker = preview === undefined ? undefined : applyBlocker(preview, state.acknowledged);
  const busy = phase === 'choosing' || phase === 'previewing' || phase === 'applying';
  const listChanged = state.error?.code === 'LIST_CHANGED';

  return (
    <Dialog
      open={open}
      onOpenChange={(_event, data) => {
        if (!data.open) close();
      }}
    >
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{IMPORT_DIALOG_TITLE}</DialogTitle>
          <DialogContent className={styles.content}>
            {phase === 'choosing' && <Spinner size="tiny" label="Waiting for a file to be chosen…" />}
            {phase === 'no-file' && <Text>No file was chosen; nothing was changed.</Text>}
            {phase === 'refused' && state.refusal && <FileIssues refusal={state.refusal} />}
            <div role="status">
              {phase === 'previewing' && (
                <Spinner size="tiny" label={progressLabel(`Checking ${file?.name ?? 'the file'} against the directory…`, state.progress)} />
              )}
              {phase === 'applying' && <Spinner size="tiny" label={progressLabel('Applying the file…', state.progress)} />}
            </div>
            {phase === 'applied' && state.result && (
              <MessageBar intent="success" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>Imported {file?.name}</MessageBarTitle>
                  {state.result.added} added, {state.result.removed} removed, as one change (list version {state.result.version}). Connectors pick up changes
                  within about 15 minutes.
                </MessageBarBody>
              </MessageBar>
            )}
            {state.error && <ErrorBar error={state.error} />}
            {preview && (phase === 'preview' || phase === 'applying') && (
              <>
                <Text role="status">
                  {file?.name}: {describeCounts(importCounts(preview))} Judged against list version {preview.version}.
                </Text>
                <ImportSection
                  kind="added"
                  rows={preview.added}
                  acknowledged={state.acknowledged}
                  onAcknowledge={(row, code, checked) => {
                    state.acknowledge(row, code, checked);
                  }}
                />
                <ImportSection kind="removed" rows={preview.removed} />
                <ImportSection kind="unchanged" rows={preview.unchanged} />
                {blocker !== undefined && <Text className={styles.note}>{BLOCKER_TEXTS[blocker]}</Text>}
              </>
            )}
          </DialogContent>
          <DialogActions>
            {/* Buttons stay mounted while the phase changes (disabled, still focusable): a focused button that unmounts would drop focus out of the dialog. */}
            {listChanged && <Button onClick={() => void state.previewAgain()}>Preview again</Button>}
            {(preview !== undefined || phase === 'applied') && (
              <Button appearance="primary" disabledFocusable={blocker !== undefined || phase !== 'preview' || listChanged} onClick={() => void apply()}>
                Apply
              </Button>
            )}
            <Button disabledFocusable={busy} onClick={() => void state.choose()}>
              Choose another file…
            </Button>
            {/* While main works, Cancel stops the work (operation:cancel) and the dialog stays; otherwise it closes. */}
            <Button onClick={phase === 'previewing' || phase === 'applying' ? () => void state.cancel() : close}>
              {phase === 'applied' ? 'Close' : 'Cancel'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function progressLabel(what: string, progress: ImportProgress): string {
  return progress === null || progress.total === 0 ? what : `${what} ${String(progress.finished)} of ${String(progress.total)} entries checked`;
}
