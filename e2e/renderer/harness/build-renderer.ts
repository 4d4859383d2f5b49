import { access } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import { RENDERER_DIST, RENDERER_VITE_CONFIG } from './paths.ts';

/**
 * Build the renderer exactly as `npm run build:renderer` does, into app/dist/renderer.
 *
 * Through Vite's API with the renderer's own config file, so the bundle the browser tests,
 * the preview and the benchmark load is the one the desktop app ships.
 */
export async function buildRenderer(): Promise<string> {
  await build({ configFile: RENDERER_VITE_CONFIG, logLevel: 'warn', mode: 'production' });
  await access(path.join(RENDERER_DIST, 'index.html'));
  return RENDERER_DIST;
}
