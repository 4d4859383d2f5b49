import { useLayoutEffect, useRef } from 'react';

function canTakeFocus(element: HTMLElement): boolean {
  return element.isConnected && !element.matches(':disabled') && element.getAttribute('aria-disabled') !== 'true';
}

function focusIsLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
}

/**
 * Put focus back on whatever opened a dialog once it closes, or call `fallback` if that is gone.
 *
 * Fluent restores focus only when its restore target can still take it; after a removal the
 * row that opened the dialog no longer exists, so the page names a sensible next place (the
 * list's current row). Only lost focus is moved: a dialog that moved focus on purpose wins.
 */
export function useFocusReturn(open: boolean, fallback?: () => void): void {
  const opener = useRef<HTMLElement | null>(null);
  // A layout effect runs before Fluent's passive effect moves focus into the dialog.
  useLayoutEffect(() => {
    if (open) {
      const active = document.activeElement;
      opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
      return;
    }
    const target = opener.current;
    opener.current = null;
    if (!target) return;
    const restore = () => {
      if (!focusIsLost()) return;
      if (canTakeFocus(target)) target.focus();
      else fallback?.();
    };
    // Now, and again once the dialog's exit has removed its surface.
    const timers = [0, 150, 400].map((delay) => window.setTimeout(restore, delay));
    return () => {
      for (const timer of timers) window.clearTimeout(timer);
    };
    // `fallback` is read as it was when the dialog closed; later renders need not re-run this.
  }, [open]);
}
