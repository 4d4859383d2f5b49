import { z } from 'zod';

/** A rectangle in screen coordinates (Electron's `Rectangle`). */
export type Rectangle = { readonly x: number; readonly y: number; readonly width: number; readonly height: number };

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);

/**
 * What the window-state file holds: the window's normal (restored) bounds and whether it was maximized.
 *
 * The normal bounds are kept even while maximized, so un-maximizing after a restart returns to
 * the size the admin chose. Unknown keys are dropped; anything out of range makes the file
 * unusable and the window opens at its default size.
 */
export const WindowStateSchema = z
  .object({
    version: z.literal(1),
    bounds: z.object({ x: coordinate, y: coordinate, width: length, height: length }).strip(),
    maximized: z.boolean(),
  })
  .strip();

/** See {@link WindowStateSchema}. */
export type WindowState = z.infer<typeof WindowStateSchema>;

/** The window's size when nothing is remembered, and the smallest it may be. */
export type WindowSizeLimits = { readonly width: number; readonly height: number; readonly minWidth: number; readonly minHeight: number };

/** Where to open the window: bounds (no position means "centre it") and whether to maximize it. */
export type WindowPlacement = {
  readonly bounds: { readonly width: number; readonly height: number; readonly x?: number; readonly y?: number };
  readonly maximized: boolean;
};

/**
 * How much of a window must lie on a display for it to count as visible there: enough of the
 * title bar to grab and drag it (Windows itself uses a similar rule for off-screen windows).
 */
const MIN_VISIBLE = { width: 160, height: 48 } as const;

/**
 * Where to open the window, from what was remembered and the displays there are now.
 *
 * Nothing remembered: the default size, centred. Remembered bounds that still show enough of the
 * window on some display keep their place, pulled inside that display's work area (and shrunk to
 * it, never below the minimum size); bounds on a display that is gone (a docked laptop now
 * undocked) move to the primary display, centred. The maximized flag is kept either way.
 */
export function placeWindow(saved: WindowState | undefined, workAreas: readonly Rectangle[], limits: WindowSizeLimits): WindowPlacement {
  const primary = workAreas[0];
  if (saved === undefined || primary === undefined) return { bounds: { width: limits.width, height: limits.height }, maximized: false };
  const display = bestDisplayFor(saved.bounds, workAreas) ?? primary;
  const width = clamp(saved.bounds.width, limits.minWidth, Math.max(limits.minWidth, display.width));
  const height = clamp(saved.bounds.height, limits.minHeight, Math.max(limits.minHeight, display.height));
  const visible = bestDisplayFor(saved.bounds, workAreas) !== undefined;
  const x = visible ? clamp(saved.bounds.x, display.x, display.x + display.width - width) : display.x + Math.round((display.width - width) / 2);
  const y = visible ? clamp(saved.bounds.y, display.y, display.y + display.height - height) : display.y + Math.round((display.height - height) / 2);
  return { bounds: { x, y, width, height }, maximized: saved.maximized };
}

/** The state to remember for a window whose normal bounds and maximized flag are given. */
export function windowStateOf(normalBounds: Rectangle, maximized: boolean): WindowState {
  const { x, y, width, height } = normalBounds;
  return { version: 1, bounds: { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) }, maximized };
}

/** The work area showing the largest part of `bounds`, if any shows enough of it to grab. */
function bestDisplayFor(bounds: Rectangle, workAreas: readonly Rectangle[]): Rectangle | undefined {
  let best: { area: Rectangle; overlap: number } | undefined;
  for (const area of workAreas) {
    const overlapWidth = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
    const overlapHeight = Math.min(bounds.y + bounds.height, area.y + area.height) - Math.max(bounds.y, area.y);
    const enough = overlapWidth >= Math.min(MIN_VISIBLE.width, bounds.width) && overlapHeight >= Math.min(MIN_VISIBLE.height, bounds.height);
    const overlap = overlapWidth * overlapHeight;
    if (enough && (best === undefined || overlap > best.overlap)) best = { area, overlap };
  }
  return best?.area;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}
