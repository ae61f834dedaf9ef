/** The streamed response every subject sends: 10 MiB in 64 KiB writes, the runtime stream's high-water mark. */
export const STREAM_CHUNK_BYTES = 64 * 1024;
export const STREAM_TOTAL_BYTES = 10 * 1024 * 1024;
export const STREAM_CHUNK_COUNT = STREAM_TOTAL_BYTES / STREAM_CHUNK_BYTES;
export const STREAM_PATH = '/download';
export const STREAM_CONTENT_TYPE = 'application/octet-stream';

/** One chunk of recognisable, non-text bytes; every write sends this same buffer, so producing it costs nothing. */
export function makeChunk(): Buffer {
  return Buffer.from(Array.from({ length: STREAM_CHUNK_BYTES }, (_, i) => (i * 131 + 7) & 0xff));
}

/** The chunks of one response, made lazily as a stream pulls them. */
export function* chunksOf(chunk: Buffer): Generator<Buffer> {
  for (let index = 0; index < STREAM_CHUNK_COUNT; index += 1) yield chunk;
}
