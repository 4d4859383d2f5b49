import { ensureElectron } from '../electron/ensure-electron.ts';
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
 * Electron comes first, as for `npm start` (tooling/electron/ensure-electron.ts): a local
 * distribution named by ELECTRON_EXEC_PATH, ELECTRON_DIST or ELECTRON_OVERRIDE_DIST_PATH, the
 * electron package's downloaded binary, or that package's own download; where none can be had
 * it stops with one line before building anything. electron-builder always gets the folder as
 * `-c.electronDist`. The e2e flavour goes to release/e2e so it never replaces a release.
 */
async function main(): Promise<number> {
  const options = parseDistArguments(process.argv.slice(2));
  const electron = await ensureElectron({
    repositoryRoot: REPOSITORY_ROOT,
    environment: process.env,
    command: `npm run ${process.env.npm_lifecycle_event ?? 'dist'}`,
    log: (line) => {
      console.error(`dist: ${line}`);
    },
  });
  if (!electron.ok) {
    console.error(`dist: ${electron.message}`);
    return 1;
  }
  console.log(`dist: using the Electron distribution in ${electron.directory} (${electron.source})`);
  if (!options.skipBuild) await buildAppBundles();
  await runBuilder({
    flavour: options.flavour,
    directoryOnly: options.directoryOnly,
    electronDist: electron.directory,
    output: options.flavour === 'e2e' ? 'release/e2e' : undefined,
    extraArguments: options.extra,
  });
  return 0;
}

if (import.meta.main) {
  try {
    process.exitCode = await main();
  } catch (error) {
    console.error(`dist: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
