/**
 * What jsdom lacks and the console's components use: matchMedia, ResizeObserver,
 * Element.scrollTo and scrollIntoView. Importing this module installs them (once).
 *
 * Layout is not simulated: {@link stubElementSize} gives every element a fixed client size
 * so the virtualizer has a viewport to fill.
 */

class StubResizeObserver {
  observe(): void {
    // jsdom never lays out, so nothing ever resizes.
  }
  unobserve(): void {
    // Nothing observed.
  }
  disconnect(): void {
    // Nothing observed.
  }
}

function stubMatchMedia(query: string): MediaQueryList {
  // The deprecated addListener/removeListener are left out: the console never calls them.
  const list: Omit<MediaQueryList, 'addListener' | 'removeListener'> = {
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  };
  return list as MediaQueryList;
}

function scrollTo(this: Element, optionsOrX?: ScrollToOptions | number, y?: number): void {
  const options = typeof optionsOrX === 'object' ? optionsOrX : { left: optionsOrX, top: y };
  if (options.top !== undefined) this.scrollTop = options.top;
  if (options.left !== undefined) this.scrollLeft = options.left;
  this.dispatchEvent(new Event('scroll'));
}

/** Install the shims (idempotent; also done when this module is imported). */
export function installDomShims(): void {
  if (typeof window.matchMedia !== 'function') window.matchMedia = stubMatchMedia;
  if (typeof window.ResizeObserver !== 'function') window.ResizeObserver = StubResizeObserver;
  if (typeof Element.prototype.scrollTo !== 'function') Element.prototype.scrollTo = scrollTo;
  if (typeof Element.prototype.scrollIntoView !== 'function') Element.prototype.scrollIntoView = () => undefined;
}

/**
 * Give every element a client size (jsdom reports 0), and return how to undo it.
 *
 * The virtualizer reads its viewport from the scroll element's `clientHeight`; with 0 it
 * renders nothing, which would make a virtualization test pass for the wrong reason.
 */
export function stubElementSize(size: { width: number; height: number }): () => void {
  // Defined on HTMLElement.prototype, shadowing jsdom's getters on Element.prototype.
  const prototype = HTMLElement.prototype;
  Object.defineProperty(prototype, 'clientHeight', { configurable: true, get: () => size.height });
  Object.defineProperty(prototype, 'clientWidth', { configurable: true, get: () => size.width });
  return () => {
    Reflect.deleteProperty(prototype, 'clientHeight');
    Reflect.deleteProperty(prototype, 'clientWidth');
  };
}

installDomShims();
