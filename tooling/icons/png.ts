import { crc32, deflateSync } from 'node:zlib';

/** The eight bytes every PNG file starts with. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A square RGBA image, row by row, four bytes a pixel (not premultiplied). */
export type RgbaImage = { readonly size: number; readonly pixels: Uint8Array };

/** What a PNG's header chunk says about the image. */
export type PngHeader = { readonly width: number; readonly height: number; readonly bitDepth: number; readonly colorType: number };

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, checksum]);
}

/**
 * Encode an RGBA image as a PNG (8-bit RGBA, no interlace, filter "none" on every row).
 *
 * Deterministic on purpose: the same pixels give the same bytes, so a test can tell whether
 * the committed icons are what the generator draws today.
 */
export function encodePng(image: RgbaImage): Buffer {
  const { size, pixels } = image;
  if (pixels.length !== size * size * 4)
    throw new Error(`an ${String(size)}×${String(size)} RGBA image needs ${String(size * size * 4)} bytes, got ${String(pixels.length)}`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // colour type: truecolour with alpha
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let row = 0; row < size; row += 1) {
    const target = row * (size * 4 + 1);
    rows[target] = 0; // filter type: none
    rows.set(pixels.subarray(row * size * 4, (row + 1) * size * 4), target + 1);
  }
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * Read the header of a PNG file, checking its signature, that IHDR comes first and its CRC.
 *
 * Throws with what is wrong, so a damaged icon is named instead of failing the installer build.
 */
export function readPngHeader(file: Uint8Array): PngHeader {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG file: the signature is missing');
  if (bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG file: the first chunk is not a 13-byte IHDR');
  if (bytes.readUInt32BE(29) !== crc32(bytes.subarray(12, 29))) throw new Error('damaged PNG: the IHDR checksum does not match');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bitDepth: bytes.readUInt8(24), colorType: bytes.readUInt8(25) };
}
