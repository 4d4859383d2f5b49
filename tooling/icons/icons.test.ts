import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ICO_SIZES, PNG_SIZES, renderIconFiles } from './generate-icons.ts';
import { encodeIco, readIcoEntries } from './ico.ts';
import { encodePng, readPngHeader } from './png.ts';

const resources = new URL('../../resources/', import.meta.url);

describe('icons', () => {
  it.each(PNG_SIZES)('resources/icons/%ix%i.png is an RGBA PNG of that size', async (size) => {
    const file = await readFile(new URL(`icons/${String(size)}x${String(size)}.png`, resources));
    expect(readPngHeader(file)).toEqual({ width: size, height: size, bitDepth: 8, colorType: 6 });
  });

  it('resources/icon.ico embeds one 32-bit PNG per size, up to 256 pixels', async () => {
    const file = await readFile(new URL('icon.ico', resources));
    const entries = readIcoEntries(file);
    const embedded = entries.map((entry) => readPngHeader(file.subarray(entry.offset, entry.offset + entry.bytes)));
    expect({ directory: entries.map((entry) => [entry.width, entry.bitCount]), embedded: embedded.map((header) => header.width) }).toEqual({
      directory: ICO_SIZES.map((size) => [size, 32]),
      embedded: [...ICO_SIZES],
    });
  });

  it('the committed files are exactly what the generator draws (run tooling/icons/generate-icons.ts after changing it)', async () => {
    for (const [name, bytes] of renderIconFiles()) {
      expect((await readFile(new URL(name, resources))).equals(bytes), name).toBe(true);
    }
  });

  it('refuses damaged or oversized input with a message that names the problem', () => {
    const png = encodePng({ size: 2, pixels: new Uint8Array(16) });
    const corrupted = Buffer.from(png);
    corrupted[20] = 0xff;
    expect(() => readPngHeader(Buffer.from('GIF89a not a png at all, just text'))).toThrow('signature is missing');
    expect(() => readPngHeader(corrupted)).toThrow('IHDR checksum does not match');
    expect(() => encodeIco([encodePng({ size: 300, pixels: new Uint8Array(300 * 300 * 4) })])).toThrow('at most 256×256');
    expect(() => readIcoEntries(Buffer.concat([encodeIco([png]).subarray(0, 30)]))).toThrow('runs past the end');
  });
});
