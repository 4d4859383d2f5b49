import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * Put focus back where it was when a dialog opened, once the dialog has closed.
 *
 * Fluent restores focus only to a `DialogTrigger` (or an element marked as a restore
 * target); these dialogs are opened by the page's own buttons (Add…, Browse…, Check Names),
 * so without this, keyboard users would land on the page's body after saving or cancelling.
 * Focus is moved only if it was lost (on the body, or still inside the closing dialog, whose
 * element `surfaceRef` receives: a callback ref, as Fluent types its dialog parts' refs narrowly).
 */
export function useFocusReturn(open: boolean): { readonly surfaceRef: (element: HTMLElement | null) => void } {
  const surface = useRef<HTMLElement | null>(null);
  const surfaceRef = useCallback((element: HTMLElement | null) => {
    surface.current = element;
  }, []);
  const returnTo = useRef<HTMLElement | null>(null);
  // A layout effect: it runs before Fluent's (passive) effect moves focus into the dialog.
  useLayoutEffect(() => {
    if (open) {
      const active = document.activeElement;
      returnTo.current = active instanceof HTMLElement && active !== document.body ? active : null;
      return;
    }
    const target = returnTo.current;
    returnTo.current = null;
    if (!target) return;
    const restore = () => {
      const active = document.activeElement;
      const lost = active === null || active === document.body || !active.isConnected || surface.current?.contains(active) === true;
      if (lost && target.isConnected) target.focus();
    };
    // Once now, and again after the exit animation has removed the surface.
    const timers = [0, 250, 600].map((delay) => window.setTimeout(restore, delay));
    return () => {
      timers.forEach((timer) => {
        window.clearTimeout(timer);
      });
    };
  }, [open]);
  return { surfaceRef };
}
