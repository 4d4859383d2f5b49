import { describe, expect, it } from 'vitest';
import { placeWindow, windowStateOf, WindowStateSchema, type WindowState } from './window-placement.ts';

const LIMITS = { width: 1280, height: 820, minWidth: 960, minHeight: 600 };
const LAPTOP = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT_MONITOR = { x: 1920, y: 0, width: 2560, height: 1400 };

function saved(x: number, y: number, width: number, height: number, maximized = false): WindowState {
  return { version: 1, bounds: { x, y, width, height }, maximized };
}

describe('placeWindow', () => {
  it('opens at the default size, centred, when nothing is remembered', () => {
    expect(placeWindow(undefined, [LAPTOP], LIMITS)).toEqual({ bounds: { width: 1280, height: 820 }, maximized: false });
  });

  it('keeps remembered bounds that lie on a display, and the maximized flag', () => {
    expect(placeWindow(saved(2100, 100, 1500, 900, true), [LAPTOP, RIGHT_MONITOR], LIMITS)).toEqual({
      bounds: { x: 2100, y: 100, width: 1500, height: 900 },
      maximized: true,
    });
  });

  it('moves a window from a display that is gone to the primary display, centred', () => {
    expect(placeWindow(saved(2100, 100, 1500, 900), [LAPTOP], LIMITS)).toEqual({
      bounds: { x: 210, y: 70, width: 1500, height: 900 },
      maximized: false,
    });
  });

  it('pulls a window that hangs off the edge back inside the work area', () => {
    expect(placeWindow(saved(1700, -200, 1280, 820), [LAPTOP], LIMITS).bounds).toEqual({ x: 640, y: 0, width: 1280, height: 820 });
  });

  it('moves a window with only a sliver on screen, as if the display were gone', () => {
    expect(placeWindow(saved(1900, 500, 1280, 820), [LAPTOP], LIMITS).bounds).toEqual({ x: 320, y: 110, width: 1280, height: 820 });
  });

  it('shrinks a window larger than its display, never below the minimum size', () => {
    expect(placeWindow(saved(0, 0, 3000, 2000), [LAPTOP], LIMITS).bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
    expect(placeWindow(saved(0, 0, 3000, 2000), [{ x: 0, y: 0, width: 800, height: 560 }], LIMITS).bounds).toEqual({
      x: 0,
      y: 0,
      width: 960,
      height: 600,
    });
  });

  it('grows a remembered size below the minimum to the minimum', () => {
    expect(placeWindow(saved(10, 10, 200, 100), [LAPTOP], LIMITS).bounds).toEqual({ x: 10, y: 10, width: 960, height: 600 });
  });

  it('places on a display left of or above the primary one (negative coordinates)', () => {
    const left = { x: -1680, y: -200, width: 1680, height: 1010 };
    expect(placeWindow(saved(-1500, -100, 1200, 800), [LAPTOP, left], LIMITS).bounds).toEqual({ x: -1500, y: -100, width: 1200, height: 800 });
  });
});

describe('WindowStateSchema', () => {
  it.each([
    ['not an object', 'window'],
    ['another version', { ...saved(0, 0, 1280, 820), version: 2 }],
    ['a fractional coordinate', saved(0.5, 0, 1280, 820)],
    ['a zero width', saved(0, 0, 0, 820)],
    ['a huge height', saved(0, 0, 1280, 10_000_000)],
    ['a text flag', { ...saved(0, 0, 1280, 820), maximized: 'yes' }],
  ])('refuses %s', (_label, content) => {
    expect(WindowStateSchema.safeParse(content).success).toBe(false);
  });

  it('drops unknown keys', () => {
    expect(WindowStateSchema.parse({ ...saved(1, 2, 1280, 820), extra: 'x' })).toEqual(saved(1, 2, 1280, 820));
  });
});

describe('windowStateOf', () => {
  it('rounds the bounds Electron reports on scaled displays', () => {
    expect(windowStateOf({ x: 10.4, y: 20.6, width: 1280.2, height: 819.5 }, true)).toEqual(saved(10, 21, 1280, 820, true));
  });
});
