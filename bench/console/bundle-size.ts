import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Raw and gzip bytes of a built bundle's JavaScript and CSS. */
export type BundleSize = {
  readonly files: number;
  readonly jsRaw: number;
  readonly jsGzip: number;
  readonly cssRaw: number;
  readonly cssGzip: number;
};

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * Sum every `.js`/`.mjs` and `.css` file under `folder`, raw and gzipped one by one (node:zlib,
 * default level — what a server's on-the-fly compression would send).
 */
export async function bundleSize(folder: string): Promise<BundleSize> {
  const size = { files: 0, jsRaw: 0, jsGzip: 0, cssRaw: 0, cssGzip: 0 };
  for (const file of await filesUnder(folder)) {
    const extension = path.extname(file);
    const isScript = extension === '.js' || extension === '.mjs';
    if (!isScript && extension !== '.css') continue;
    const content = await readFile(file);
    const gzip = gzipSync(content).length;
    size.files += 1;
    if (isScript) {
      size.jsRaw += content.length;
      size.jsGzip += gzip;
    } else {
      size.cssRaw += content.length;
      size.cssGzip += gzip;
    }
  }
  return size;
}
