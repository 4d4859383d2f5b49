import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import rendererConfig from './renderer/vite.config.ts';

const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/**
 * The desktop build (`npm run build:app`): main, preload and renderer into app/dist.
 *
 * app/package.json has no dependencies (electron-builder would pack node_modules into the
 * archive), so main and preload bundle every library they use; only `electron` and Node's
 * built-ins (node:sqlite included) stay external — electron-vite's defaults, with its
 * dependency externalizing turned off. Both are CommonJS: the preload must be (a sandboxed
 * preload cannot be an ES module), and a CommonJS `main.js` loads whatever app/package.json's
 * `type` says. The renderer reuses renderer/vite.config.ts, so the desktop app and the
 * browser harness run the same build.
 */
export default defineConfig({
  main: {
    build: {
      outDir: here('app/dist/main'),
      emptyOutDir: true,
      externalizeDeps: false,
      sourcemap: false,
      lib: { entry: here('main/shell/main.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: 'main.js', chunkFileNames: 'chunks/[name]-[hash].js' } },
    },
  },
  preload: {
    build: {
      outDir: here('app/dist/preload'),
      emptyOutDir: true,
      externalizeDeps: false,
      sourcemap: false,
      lib: { entry: here('main/shell/preload.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: 'preload.cjs', inlineDynamicImports: true } },
    },
  },
  renderer: {
    ...rendererConfig,
    // electron-vite leaves renderer code unminified by default; the plain Vite build minifies.
    build: { ...rendererConfig.build, minify: true, rolldownOptions: { input: here('renderer/index.html') } },
  },
});
