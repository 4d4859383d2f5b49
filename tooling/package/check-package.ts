import { extractFile, listPackage } from '@electron/asar';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary } from '../../e2e/electron/electron-binary.ts';
import { readFuses } from './apply-fuses.ts';
import { type AppManifest, ARCHIVE_SIZE_CEILING_BYTES, checkArchive, checkMainFormat, formatMegabytes } from './archive-rules.ts';
import { packagedExecutablePath } from './electron-executable.ts';
import { describeFuses, fuseConfiguration } from './fuse-configuration.ts';
import { writePlaceholderElectron } from './placeholder-electron.ts';
import { buildAppBundles, REPOSITORY_ROOT, runBuilder } from './run-builder.ts';

/** What the check found, for the one-line summary and the exit code. */
type PackageReport = { problems: string[]; sizeBytes: number; entries: number; placeholder: boolean };

async function inspectPackage(output: string, rootVersion: string): Promise<Omit<PackageReport, 'placeholder'>> {
  const unpacked = join(output, 'linux-unpacked');
  const archive = join(unpacked, 'resources', 'app.asar');
  const entries = listPackage(archive, { isPack: false });
  const manifest = JSON.parse(extractFile(archive, 'package.json').toString('utf8')) as AppManifest;
  const sizeBytes = (await stat(archive)).size;
  const problems = checkArchive(entries, manifest, sizeBytes, rootVersion);
  // A shared library cannot be loaded from inside the archive: each must sit in app.asar.unpacked.
  for (const entry of entries.filter((name) => name.endsWith('.node'))) {
    const outside = join(unpacked, 'resources', 'app.asar.unpacked', ...entry.split('/'));
    if (
      !(await stat(outside).then(
        () => true,
        () => false,
      ))
    )
      problems.push(`native module not unpacked from the archive: ${entry}`);
  }
  if (typeof manifest.main === 'string' && entries.includes(`/${manifest.main}`)) {
    const formatProblem = checkMainFormat(manifest.main, extractFile(archive, manifest.main).toString('utf8'), manifest);
    if (formatProblem !== undefined) problems.push(formatProblem);
  }
  const executable = packagedExecutablePath('linux', unpacked, { linux: 'rms-connector-admin', product: 'RMS Connector Admin' });
  const fuses = await readFuses(executable);
  const expected = describeFuses(fuseConfiguration('release'));
  for (const [fuse, on] of Object.entries(expected)) {
    if (fuses[fuse] !== on) problems.push(`fuse ${fuse} is ${fuses[fuse] === true ? 'on' : 'off'} in the packaged executable, expected ${on ? 'on' : 'off'}`);
  }
  return { problems, sizeBytes, entries: entries.length };
}

/**
 * CLI (test command): build the bundles, package them unpacked for Linux, and check app.asar
 * (only bundles and the manifest, under the size ceiling) and the packaged executable's fuses.
 *
 * Without an Electron binary the package is made from a stand-in distribution
 * (tooling/package/placeholder-electron.ts): archive content, manifest and fuse flipping are
 * still checked for real; only "does it start" needs Electron (e2e/electron). `--prebuilt`
 * skips `build:app` when the bundles were just built.
 */
async function main(): Promise<number> {
  const prebuilt = process.argv.includes('--prebuilt');
  const rootVersion = (JSON.parse(await readFile(join(REPOSITORY_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const work = await mkdtemp(join(tmpdir(), 'rms-package-check-'));
  try {
    if (!prebuilt) await buildAppBundles();
    const electron = findElectronBinary(process.env, REPOSITORY_ROOT);
    const electronDist = electron.found ? electron.directory : join(work, 'placeholder-electron');
    if (!electron.found) await writePlaceholderElectron(electronDist);
    const output = join(work, 'release');
    await runBuilder({ flavour: 'release', directoryOnly: true, electronDist, output, extraArguments: ['--linux'] });
    const report: PackageReport = { ...(await inspectPackage(output, rootVersion)), placeholder: !electron.found };
    for (const problem of report.problems) console.log(`  problem: ${problem}`);
    const verdict = report.problems.length === 0 ? 'ok' : `${String(report.problems.length)} problem(s)`;
    console.log(
      `package: ${verdict} — app.asar ${formatMegabytes(report.sizeBytes)} (ceiling ${formatMegabytes(ARCHIVE_SIZE_CEILING_BYTES)}), ${String(report.entries)} entries, release fuses checked` +
        (report.placeholder ? '; built on a stand-in Electron (no binary here): not runnable, installers not built' : ''),
    );
    return report.problems.length === 0 ? 0 : 1;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  try {
    process.exitCode = await main();
  } catch (error) {
    console.log(`package: FAILED — ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
