import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, useMergedRefs } from '@fluentui/react-components';
import { ArrowUndoRegular, DismissRegular } from '@fluentui/react-icons';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { roleLabel } from '../../format/labels.ts';
import { PICKUP_NOTE } from './pickup-note.ts';
import type { RemovedEntry } from './undo-removal.ts';

/** How long Undo is offered while neither the pointer nor focus is on it. */
export const UNDO_SECONDS = 10;

/**
 * "Removed NAME" with Undo, offered for a few seconds after a removal.
 *
 * A polite message bar in the page (announced, never taking focus from the row the admin
 * is on); the time runs only while neither the pointer nor keyboard focus is inside it, so a
 * keyboard user who tabs to Undo keeps it (WCAG 2.2.1). Ctrl+Z on the page undoes too.
 */
export function UndoBar(props: { readonly removed: RemovedEntry; readonly undoing: boolean; readonly onUndo: () => void; readonly onDismiss: () => void }) {
  const { removed, onDismiss } = props;
  const [held, setHeld] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  // Fluent's element-ref inference is `never` with @types/react 19.3; a merged (callback) ref fits.
  const rootRef = useMergedRefs(root);
  // The page re-renders on every live change; the offer's time must not start again with each.
  const dismiss = useRef(onDismiss);
  useLayoutEffect(() => {
    dismiss.current = onDismiss;
  });
  useEffect(() => {
    if (held || props.undoing) return;
    const timer = window.setTimeout(() => {
      dismiss.current();
    }, UNDO_SECONDS * 1000);
    return () => {
      window.clearTimeout(timer);
    };
  }, [held, props.undoing, removed]);
  const release = () => {
    setHeld(root.current?.matches(':hover') === true || root.current?.contains(document.activeElement) === true);
  };
  return (
    <MessageBar
      ref={rootRef}
      intent="success"
      politeness="polite"
      layout="multiline"
      onMouseEnter={() => {
        setHeld(true);
      }}
      onMouseLeave={release}
      onFocus={() => {
        setHeld(true);
      }}
      onBlur={() => {
        window.setTimeout(release, 0);
      }}
    >
      <MessageBarBody>
        <MessageBarTitle>
          Removed {removed.entry.name} ({roleLabel(removed.entry.role)}).
        </MessageBarTitle>
        {PICKUP_NOTE}
      </MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" aria-label="Dismiss" icon={<DismissRegular />} onClick={onDismiss} />}>
        <Button icon={<ArrowUndoRegular />} disabledFocusable={props.undoing} onClick={props.onUndo}>
          {props.undoing ? 'Undoing…' : 'Undo'}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
