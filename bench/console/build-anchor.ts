import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

/** Where the anchor page is built (git-ignored). */
export const ANCHOR_DIST = fileURLToPath(new URL('../../.cache/bench-console-anchor/', import.meta.url));

/**
 * Build the anchor page (bench/console/anchor) with the renderer's toolchain and settings
 * that matter for load time: production mode, React plugin, relative base, no sourcemaps.
 */
export async function buildAnchor(): Promise<string> {
  await build({
    configFile: false,
    root: fileURLToPath(new URL('./anchor/', import.meta.url)),
    base: './',
    mode: 'production',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: ANCHOR_DIST, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2048 },
  });
  return ANCHOR_DIST;
}
