import { useEffect, useLayoutEffect, useRef } from 'react';

/** What the Servers page does on its window-wide keys. */
export type PageShortcuts = {
  readonly refresh: () => void;
  readonly focusFilter: () => void;
  /** Ctrl+Z while Undo is offered; undefined otherwise. */
  readonly undo: (() => void) | undefined;
};

function inDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"], [role="alertdialog"]') !== null;
}

function inTextField(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, textarea, [contenteditable="true"]') !== null;
}

/**
 * The Servers page's window-wide keys, as in Windows admin tools: F5 reads the list again
 * (never reloading the window), Ctrl+F goes to the filter, Ctrl+Z undoes the last removal
 * while Undo is offered.
 *
 * Listened for on the document while the page is shown, so they work wherever focus is on
 * the page, and left alone while a dialog is open (F5 behind a confirmation would change
 * what it confirms) and, for Ctrl+Z, in text fields (which undo typing).
 */
export function usePageShortcuts(shortcuts: PageShortcuts): void {
  const latest = useRef(shortcuts);
  useLayoutEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const control = event.ctrlKey || event.metaKey;
      if (event.key === 'F5' && !control && !event.altKey) {
        event.preventDefault();
        if (!inDialog(event.target)) latest.current.refresh();
      } else if (control && !event.altKey && event.key.toLowerCase() === 'f') {
        if (inDialog(event.target)) return;
        event.preventDefault();
        latest.current.focusFilter();
      } else if (control && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'z') {
        const undo = latest.current.undo;
        if (undo === undefined || inDialog(event.target) || inTextField(event.target)) return;
        event.preventDefault();
        undo();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
    };
  }, []);
}
