import { fileURLToPath } from 'node:url';

/** The repository root (this file is e2e/renderer/harness/paths.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Where `npm run build:renderer` writes the renderer (renderer/vite.config.ts `outDir`). */
export const RENDERER_DIST = fileURLToPath(new URL('../../../app/dist/renderer/', import.meta.url));

/** The renderer's Vite configuration. */
export const RENDERER_VITE_CONFIG = fileURLToPath(new URL('../../../renderer/vite.config.ts', import.meta.url));

/** Screenshots of every screen, light and dark. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));
