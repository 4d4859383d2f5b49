import type { AfterPackContext } from 'electron-builder';
import { applyFuses } from './apply-fuses.ts';
import { packagedExecutablePath } from './electron-executable.ts';
import { flavourFromEnvironment } from './fuse-configuration.ts';

/** The parts of electron-builder's packager the hook reads (Linux adds `executableName`). */
type PackagerNames = { readonly appInfo: { readonly productFilename: string }; readonly executableName?: string };

/**
 * electron-builder `afterPack` hook: burn the fuses of the flavour in RMS_BUILD_FLAVOUR into the
 * packaged executable, after the app is copied and before anything is signed.
 *
 * electron-builder loads this TypeScript file itself: Node 24 strips the types on `require`.
 */
export default async function afterPack(context: AfterPackContext): Promise<void> {
  const flavour = flavourFromEnvironment(process.env);
  const packager = context.packager as unknown as PackagerNames;
  const executable = packagedExecutablePath(context.electronPlatformName, context.appOutDir, {
    linux: packager.executableName ?? packager.appInfo.productFilename,
    product: packager.appInfo.productFilename,
  });
  const fuses = await applyFuses(executable, flavour);
  const summary = Object.entries(fuses).map(([fuse, on]) => `${fuse}=${on ? 'on' : 'off'}`);
  console.log(`  • fuses (${flavour} flavour) in ${executable}: ${summary.join(', ')}`);
}
