import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState, type JSX } from 'react';
import type { DirectoryObject } from '../../../contract/index.ts';
import { OBJECT_GRID_COLUMNS, ObjectGrid } from '../object-picker/object-grid.tsx';
import { useFocusReturn } from '../object-picker/use-focus-return.ts';

const useStyles = makeStyles({
  surface: { maxWidth: '960px', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  folder: { overflowWrap: 'anywhere', minHeight: tokens.lineHeightBase300 },
});

/** Props of {@link MultipleNamesDialog}; it is open while `candidates` is non-empty. */
export type MultipleNamesDialogProps = {
  readonly input: string;
  readonly candidates: readonly DirectoryObject[];
  readonly onChoose: (object: DirectoryObject) => void;
  readonly onCancel: () => void;
};

/**
 * The object grid's columns with In Folder wide enough for the longest candidate's path.
 *
 * Two John Smiths differ only by their folder, so it is never cut: the grid scrolls sideways
 * before In Folder loses a letter.
 */
function columnsFor(candidates: readonly DirectoryObject[]) {
  const longest = Math.max(...candidates.map((object) => object.inFolder.length), 10);
  return OBJECT_GRID_COLUMNS.map((column) => (column.id === 'folder' ? { ...column, width: `minmax(${String(longest + 4)}ch, 3fr)` } : column));
}

/**
 * "Multiple names found": choose which of several matching objects was meant.
 *
 * Check Names must never guess between two accounts of the same name: the admin picks one,
 * told apart by type and "In Folder" (shown whole, and again under the grid for the row
 * selected), as in the Windows object picker.
 */
export function MultipleNamesDialog(props: MultipleNamesDialogProps): JSX.Element {
  const { candidates, onChoose, onCancel } = props;
  const styles = useStyles();
  const open = candidates.length > 0;
  const columns = useMemo(() => columnsFor(candidates), [candidates]);
  // A selection belongs to one list of candidates: a new ambiguous name starts unselected.
  const [selection, setSelection] = useState<{ readonly of: readonly DirectoryObject[]; readonly sid: string } | undefined>(undefined);
  const selectedSid = selection?.of === candidates ? selection.sid : undefined;
  const { surfaceRef } = useFocusReturn(open);
  const selected = candidates.find((object) => object.sid === selectedSid);
  return (
    <Dialog
      open={open}
      onOpenChange={(_event, data) => {
        if (!data.open) onCancel();
      }}
    >
      <DialogSurface className={styles.surface}>
        <DialogBody ref={surfaceRef}>
          <DialogTitle>Multiple names found</DialogTitle>
          <DialogContent className={styles.content}>
            <Text block>More than one object matches “{props.input}”. Select the one you mean.</Text>
            <ObjectGrid
              label="Matching objects"
              objects={candidates}
              columns={columns}
              single
              selectedSids={new Set(selectedSid === undefined ? [] : [selectedSid])}
              height={200}
              onSelectSids={(sids) => {
                const [sid] = sids;
                if (sid !== undefined) setSelection({ of: candidates, sid });
              }}
              onActivate={onChoose}
            />
            <Text block className={styles.folder} aria-live="polite">
              {selected ? `In Folder: ${selected.inFolder}` : ''}
            </Text>
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={!selected}
              onClick={() => {
                if (selected) onChoose(selected);
              }}
            >
              OK
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
