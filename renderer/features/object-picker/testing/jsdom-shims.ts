import { installDomShims, stubElementSize } from '../../../testing/dom-shims.ts';

/**
 * The shared jsdom shims, plus the layout facts Fluent's focus manager needs in dialogs.
 *
 * jsdom never lays out: every `offsetParent` is null and the body measures 0×0, so tabster
 * takes every control for hidden and a dialog focuses its own surface instead of its first
 * control, which would make keyboard-flow tests meaningless. Each element here is laid out
 * in its parent and measures `size`; the virtualizer gets the same size as its viewport.
 * Idempotent.
 */
export function installJsdomShims(size: { width: number; height: number } = { width: 640, height: 320 }): void {
  installDomShims();
  stubElementSize(size);
  HTMLElement.prototype.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 0, width: size.width, height: size.height });
  Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
    configurable: true,
    get(this: HTMLElement) {
      return this.parentElement;
    },
  });
}

/** Scroll an element as a user would: move scrollTop, then fire the scroll event. */
export function scrollElementTo(element: Element, top: number): void {
  element.scrollTop = top;
  element.dispatchEvent(new Event('scroll'));
}
