import { ToolbarButton } from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons';
import { useRef, useState, type JSX } from 'react';
import { useStores } from '../../stores/stores-context.tsx';
import { ImportDialog } from './import-dialog.tsx';

/**
 * The Servers toolbar's Import… button and the dialog it opens.
 *
 * Self-contained so the toolbar needs one line: after an import (or a refusal because the
 * list changed) the servers list is read again. The dialog is mounted only while open (a
 * fresh store each time; Fluent's modal focus trap hid a dialog opened in the same tree as
 * its button), so closing it returns focus here explicitly.
 */
export function ImportButton(): JSX.Element {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement | null>(null);
  const { servers } = useStores();
  return (
    <>
      <ToolbarButton
        ref={(element: HTMLButtonElement | null) => {
          button.current = element;
        }}
        icon={<ArrowUploadRegular />}
        onClick={() => {
          setOpen(true);
        }}
      >
        Import…
      </ToolbarButton>
      {/* Mounted while open: each opening starts with a fresh store and asks main for a file. */}
      {open && (
        <ImportDialog
          open
          onClose={() => {
            setOpen(false);
          }}
          onListChanged={() => void servers.getState().reread()}
        />
      )}
    </>
  );
}
