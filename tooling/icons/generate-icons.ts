import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { drawIcon } from './draw-icon.ts';
import { encodeIco } from './ico.ts';
import { encodePng } from './png.ts';

/** Sizes the Windows .ico carries: taskbar, title bar, Explorer views up to "extra large". */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/** Sizes of the Linux icon set (electron-builder reads `<size>x<size>.png` from resources/icons). */
export const PNG_SIZES = [256, 512] as const;

/** Every generated file, relative to resources/, with its bytes. */
export function renderIconFiles(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const size of PNG_SIZES) files.set(`icons/${String(size)}x${String(size)}.png`, encodePng(drawIcon(size)));
  files.set('icon.ico', encodeIco(ICO_SIZES.map((size) => encodePng(drawIcon(size)))));
  return files;
}

/**
 * CLI: `node tooling/icons/generate-icons.ts [resources-dir]` writes the icons. The files are
 * committed; tooling/icons/icons.test.ts fails when they differ from what this draws.
 */
async function main(): Promise<void> {
  const resources = process.argv[2] ?? 'resources';
  for (const [name, bytes] of renderIconFiles()) {
    const target = join(resources, name);
    await mkdir(join(target, '..'), { recursive: true });
    await writeFile(target, bytes);
    console.log(`${target}: ${String(bytes.length)} bytes`);
  }
}

if (import.meta.main) await main();
