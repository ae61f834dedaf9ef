import { crc32, deflateSync } from 'node:zlib';

// Fixed seed: every subject, the checker and every run see the very same bytes.
function fillPseudoRandom(bytes: Buffer, seed: number): void {
  let state = seed >>> 0;
  for (let i = 0; i < bytes.length; i += 1) {
    // xorshift32: incompressible enough that deflate cannot shrink the image below 100 KB.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A valid ~100 KB RGB PNG of noise: a real image, so a corrupted one is a real failure. */
export function makePng(): Buffer {
  const width = 184;
  const height = 184;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, RGB, deflate, no filter method, no interlace
  const rows = Buffer.alloc(height * (1 + width * 3));
  fillPseudoRandom(rows, 0x5eed);
  for (let row = 0; row < height; row += 1) rows[row * (1 + width * 3)] = 0; // filter type None
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 0 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Exactly 1 KiB of JSON for the echo scenario: a list of records, padded to the byte. */
export function makeEchoJson(): string {
  const items = Array.from({ length: 30 }, (_, id) => ({ id, name: `item-${id}` }));
  const unpadded = JSON.stringify({ items, pad: '' });
  return JSON.stringify({ items, pad: 'x'.repeat(1024 - unpadded.length) });
}
