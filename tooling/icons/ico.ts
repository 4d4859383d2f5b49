import { readPngHeader } from './png.ts';

/** One image inside an .ico file, as its directory entry describes it. */
export type IcoEntry = { readonly width: number; readonly height: number; readonly bitCount: number; readonly bytes: number; readonly offset: number };

const HEADER_BYTES = 6;
const ENTRY_BYTES = 16;

/**
 * Build an .ico file that embeds PNG images (supported since Windows Vista).
 *
 * Each PNG's own header gives the entry's size; 256 pixels is written as 0, as the format
 * requires. Sizes above 256 are refused: Windows would not read them.
 */
export function encodeIco(pngs: readonly Buffer[]): Buffer {
  if (pngs.length === 0) throw new Error('an .ico file needs at least one image');
  const directory = Buffer.alloc(HEADER_BYTES + ENTRY_BYTES * pngs.length);
  directory.writeUInt16LE(0, 0);
  directory.writeUInt16LE(1, 2); // type: icon
  directory.writeUInt16LE(pngs.length, 4);
  let offset = directory.length;
  pngs.forEach((png, index) => {
    const { width, height } = readPngHeader(png);
    if (width > 256 || height > 256) throw new Error(`an .ico image can be at most 256×256, got ${String(width)}×${String(height)}`);
    const entry = HEADER_BYTES + ENTRY_BYTES * index;
    directory.writeUInt8(width === 256 ? 0 : width, entry);
    directory.writeUInt8(height === 256 ? 0 : height, entry + 1);
    directory.writeUInt8(0, entry + 2); // no palette
    directory.writeUInt8(0, entry + 3);
    directory.writeUInt16LE(1, entry + 4); // colour planes
    directory.writeUInt16LE(32, entry + 6); // bits per pixel
    directory.writeUInt32LE(png.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([directory, ...pngs]);
}

/** Read an .ico file's directory, checking that every entry lies inside the file. */
export function readIcoEntries(file: Uint8Array): IcoEntry[] {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (bytes.length < HEADER_BYTES || bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1)
    throw new Error('not an .ico file: the header is not reserved=0, type=1');
  const count = bytes.readUInt16LE(4);
  if (bytes.length < HEADER_BYTES + ENTRY_BYTES * count) throw new Error(`damaged .ico: ${String(count)} entries do not fit in ${String(bytes.length)} bytes`);
  return Array.from({ length: count }, (_unused, index) => {
    const entry = HEADER_BYTES + ENTRY_BYTES * index;
    const result: IcoEntry = {
      width: bytes.readUInt8(entry) || 256,
      height: bytes.readUInt8(entry + 1) || 256,
      bitCount: bytes.readUInt16LE(entry + 6),
      bytes: bytes.readUInt32LE(entry + 8),
      offset: bytes.readUInt32LE(entry + 12),
    };
    if (result.offset + result.bytes > bytes.length) throw new Error(`damaged .ico: image ${String(index)} runs past the end of the file`);
    return result;
  });
}
