import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PLACEHOLDER_MARKER } from '../../e2e/electron/electron-binary.ts';

/** The marker @electron/fuses looks for in an Electron binary (its public wire format). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuses in Electron 45's wire, at Electron's defaults: '1' on, '0' off. */
const ELECTRON_45_DEFAULT_WIRE = '101100011';

/** What a placeholder distribution says about itself, so nobody mistakes it for Electron. */
export const PLACEHOLDER_NOTICE =
  'PLACEHOLDER: not Electron. Built by tooling/package/placeholder-electron.ts to check packaging without the Electron binary; a package made from it does not run.';

/**
 * Write a stand-in Electron distribution for `-c.electronDist` on a machine without Electron.
 *
 * electron-builder copies the distribution folder and renames the `electron` executable, and
 * the afterPack hook flips fuses in it. The stand-in executable is a text file carrying a real
 * fuse wire (version 1, Electron 45's fuses at their defaults) behind a shell line that
 * refuses to run, so the hook runs exactly as with a real binary and the package check can read
 * the fuses back. Nothing built from it is runnable.
 */
export async function writePlaceholderElectron(directory: string): Promise<string> {
  await mkdir(join(directory, 'resources'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, ELECTRON_45_DEFAULT_WIRE.length]),
    Buffer.from(ELECTRON_45_DEFAULT_WIRE, 'latin1'),
  ]);
  const script = Buffer.from(`#!/bin/sh\necho '${PLACEHOLDER_NOTICE}' >&2\nexit 1\n# fuse wire: `, 'utf8');
  const executable = join(directory, 'electron');
  await writeFile(executable, Buffer.concat([script, wire, Buffer.from('\n')]), { mode: 0o755 });
  await writeFile(join(directory, PLACEHOLDER_MARKER), `${PLACEHOLDER_NOTICE}\n`);
  await writeFile(join(directory, 'version'), '45.4.1');
  return executable;
}
