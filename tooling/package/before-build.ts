/**
 * electron-builder `beforeBuild` hook: tell it that node_modules are handled outside it.
 *
 * The bundles in app/dist carry the libraries they use and app/package.json declares no
 * dependencies. Left alone, electron-builder 26 then falls back to the repository root's
 * production dependencies and packs them (fastify, x509… 10 MB of unused files in app.asar).
 * Resolving to false skips both that collection and the native rebuild; there are no native
 * modules to rebuild.
 */
export default function beforeBuild(): Promise<boolean> {
  return Promise.resolve(false);
}
