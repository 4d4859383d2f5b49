import { findElectronBinary } from '../../e2e/electron/electron-binary.ts';
import type { BuildFlavour } from './fuse-configuration.ts';
import { buildAppBundles, REPOSITORY_ROOT, runBuilder } from './run-builder.ts';

/** Command-line options of `npm run dist` (anything it does not know goes to electron-builder). */
export type DistOptions = { directoryOnly: boolean; flavour: BuildFlavour; skipBuild: boolean; extra: string[] };

/** Parse `[--dir] [--e2e] [--skip-build] [electron-builder arguments…]`. */
export function parseDistArguments(args: readonly string[]): DistOptions {
  const options: DistOptions = { directoryOnly: false, flavour: 'release', skipBuild: false, extra: [] };
  for (const arg of args) {
    if (arg === '--dir') options.directoryOnly = true;
    else if (arg === '--e2e') options.flavour = 'e2e';
    else if (arg === '--skip-build') options.skipBuild = true;
    else options.extra.push(arg);
  }
  return options;
}

/**
 * CLI behind `npm run dist` / `dist:dir` / `dist:e2e`: build the bundles, then package for this
 * platform.
 *
 * A local Electron distribution is used when there is one (ELECTRON_DIST, ELECTRON_EXEC_PATH's
 * folder, or the electron package's own download); otherwise electron-builder downloads the
 * pinned version itself. The e2e flavour goes to release/e2e so it never replaces a release.
 */
async function main(): Promise<void> {
  const options = parseDistArguments(process.argv.slice(2));
  const electron = findElectronBinary(process.env, REPOSITORY_ROOT);
  if (!options.skipBuild) await buildAppBundles();
  console.log(electron.found ? `dist: using the Electron distribution in ${electron.directory} (${electron.source})` : 'dist: no local Electron distribution; electron-builder will download Electron 45.4.1 (set ELECTRON_DIST where it cannot)');
  await runBuilder({
    flavour: options.flavour,
    directoryOnly: options.directoryOnly,
    electronDist: electron.found ? electron.directory : undefined,
    output: options.flavour === 'e2e' ? 'release/e2e' : undefined,
    extraArguments: options.extra,
  });
}

if (import.meta.main) {
  try {
    await main();
  } catch (error) {
    console.error(`dist: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
