import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text } from '@fluentui/react-components';
import { useState, type JSX } from 'react';
import type { DirectoryObject } from '../../../contract/index.ts';
import { ObjectGrid } from '../object-picker/object-grid.tsx';
import { useFocusReturn } from '../object-picker/use-focus-return.ts';

/** Props of {@link MultipleNamesDialog}; it is open while `candidates` is non-empty. */
export type MultipleNamesDialogProps = {
  readonly input: string;
  readonly candidates: readonly DirectoryObject[];
  readonly onChoose: (object: DirectoryObject) => void;
  readonly onCancel: () => void;
};

/**
 * "Multiple names found": choose which of several matching objects was meant.
 *
 * Check Names must never guess between two accounts of the same name: the admin picks one,
 * told apart by type and "In Folder", as in the Windows object picker.
 */
export function MultipleNamesDialog(props: MultipleNamesDialogProps): JSX.Element {
  const { candidates, onChoose, onCancel } = props;
  const open = candidates.length > 0;
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
      <DialogSurface>
        <DialogBody ref={surfaceRef}>
          <DialogTitle>Multiple names found</DialogTitle>
          <DialogContent>
            <Text block>More than one object matches “{props.input}”. Select the one you mean.</Text>
            <ObjectGrid
              label="Matching objects"
              objects={candidates}
              selectedSid={selectedSid}
              height={200}
              onSelect={(object) => {
                setSelection({ of: candidates, sid: object.sid });
              }}
              onActivate={onChoose}
            />
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
