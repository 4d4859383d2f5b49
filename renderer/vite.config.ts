import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The renderer alone, as a web app (DESIGN.md §3: plain Vite for the renderer; the Electron
 * build wraps the same entry). Output goes to app/dist/renderer with relative asset paths so
 * it loads from the app protocol, a test server or a file alike.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../app/dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 2048,
  },
});
