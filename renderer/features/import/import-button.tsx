import { ToolbarButton, useRestoreFocusTarget } from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons';
import { useState, type JSX } from 'react';
import { useStores } from '../../stores/stores-context.tsx';
import { ImportDialog } from './import-dialog.tsx';

/**
 * The Servers toolbar's Import… button and the dialog it opens.
 *
 * Self-contained so the toolbar needs one line: after an import (or a refusal because the
 * list changed) the servers list is read again; closing the dialog returns focus here.
 */
export function ImportButton(): JSX.Element {
  const [open, setOpen] = useState(false);
  const { servers } = useStores();
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    <>
      <ToolbarButton
        icon={<ArrowUploadRegular />}
        onClick={() => {
          setOpen(true);
        }}
        {...restoreFocusTarget}
      >
        Import…
      </ToolbarButton>
      <ImportDialog
        open={open}
        onClose={() => {
          setOpen(false);
        }}
        onListChanged={() => void servers.getState().reread()}
      />
    </>
  );
}
