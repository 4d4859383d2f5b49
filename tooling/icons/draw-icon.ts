import type { RgbaImage } from './png.ts';

/** An opaque colour, 0–255 a channel. */
type Rgb = readonly [number, number, number];

const RIM: Rgb = [0x0a, 0x3d, 0x73];
const BODY_TOP: Rgb = [0x23, 0x80, 0xdc];
const BODY_BOTTOM: Rgb = [0x0f, 0x5a, 0xa6];
const KEY: Rgb = [0xff, 0xff, 0xff];

/** Samples a pixel is split into along each axis: 4×4 gives smooth edges without a library. */
const SUPERSAMPLING = 4;

/**
 * Whether a point (unit square, y down) lies inside a shield of the given scale around the
 * icon's centre: a gently arched top, straight sides, and a lower half that narrows to a point.
 */
function insideShield(x: number, y: number, scale: number): boolean {
  const cx = 0.5;
  const cy = 0.5;
  const u = (x - cx) / scale + cx;
  const v = (y - cy) / scale + cy;
  const halfWidth = 0.36;
  const offset = Math.abs(u - 0.5);
  if (offset > halfWidth) return false;
  const top = 0.12 - 0.05 * (1 - (offset / halfWidth) ** 2);
  if (v < top) return false;
  if (v <= 0.5) return true;
  const t = (v - 0.5) / 0.43;
  return t <= 1 && offset <= halfWidth * (1 - t * t);
}

/** Whether a point lies on the key: a ring bow, a shaft and two teeth, standing upright. */
function insideKey(x: number, y: number): boolean {
  const distance = Math.hypot(x - 0.5, y - 0.35);
  if (distance <= 0.12 && distance >= 0.055) return true;
  const inRect = (left: number, top: number, right: number, bottom: number) => x >= left && x <= right && y >= top && y <= bottom;
  return inRect(0.47, 0.46, 0.53, 0.79) || inRect(0.53, 0.66, 0.615, 0.705) || inRect(0.53, 0.735, 0.585, 0.775);
}

/** The colour at a point, or undefined outside the shield (transparent). */
function colourAt(x: number, y: number): Rgb | undefined {
  if (!insideShield(x, y, 1)) return undefined;
  if (!insideShield(x, y, 0.9)) return RIM;
  if (insideKey(x, y)) return KEY;
  const t = Math.min(1, Math.max(0, (y - 0.08) / 0.85));
  return [0, 1, 2].map((channel) => Math.round((BODY_TOP[channel] ?? 0) * (1 - t) + (BODY_BOTTOM[channel] ?? 0) * t)) as unknown as Rgb;
}

/**
 * Draw the application icon — a blue shield carrying a white key — at `size` pixels square.
 *
 * Drawn from geometry rather than shipped as an opaque binary, so the icon can be regenerated
 * at any size and reviewed as code. Edges are antialiased by supersampling; the result is
 * deterministic.
 */
export function drawIcon(size: number): RgbaImage {
  if (!Number.isInteger(size) || size < 16 || size > 1024) throw new Error(`icon size must be a whole number of pixels from 16 to 1024, got ${String(size)}`);
  const pixels = new Uint8Array(size * size * 4);
  const samples = SUPERSAMPLING * SUPERSAMPLING;
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLING; sy += 1) {
        for (let sx = 0; sx < SUPERSAMPLING; sx += 1) {
          const colour = colourAt((column + (sx + 0.5) / SUPERSAMPLING) / size, (row + (sy + 0.5) / SUPERSAMPLING) / size);
          if (colour === undefined) continue;
          red += colour[0];
          green += colour[1];
          blue += colour[2];
          covered += 1;
        }
      }
      const target = (row * size + column) * 4;
      if (covered === 0) continue;
      pixels[target] = Math.round(red / covered);
      pixels[target + 1] = Math.round(green / covered);
      pixels[target + 2] = Math.round(blue / covered);
      pixels[target + 3] = Math.round((covered / samples) * 255);
    }
  }
  return { size, pixels };
}
