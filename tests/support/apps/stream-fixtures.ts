import { Readable } from 'node:stream';

/**
 * What the streaming test routes answer, the same in every framework; each framework sends
 * these streams its own way (Express `pipe(res)`, Koa `ctx.body`, Fastify `reply.send`).
 */

/**
 * Lets a test release `/gated` lines one at a time: line n+1 is made only once the test has
 * seen line n arrive. A helper that held the body back would never let it: the app would hang.
 */
export class LineGate {
  private allowed = 1;
  private wake: (() => void) | undefined;

  /** Lets the route make one more line. */
  release(): void {
    this.allowed += 1;
    this.wake?.();
    this.wake = undefined;
  }

  /** Resolves once line `seq` may be made. */
  async turn(seq: number): Promise<void> {
    while (seq > this.allowed) await new Promise<void>((resolve) => (this.wake = resolve));
  }
}

/** The gates of `/gated` requests in flight, by their `id` query value. */
export const lineGates = new Map<string, LineGate>();

/** `line 1\n`, `line 2\n`... each made when its gate allows. */
export function gatedLines(id: unknown, count: unknown): Readable {
  const gate = lineGates.get(String(id));
  const total = Number(count) || 3;
  async function* lines(): AsyncGenerator<string> {
    for (let seq = 1; seq <= total; seq += 1) {
      await gate?.turn(seq);
      yield `line ${seq}\n`;
    }
  }
  return Readable.from(lines(), { objectMode: false });
}

const BYTE_CHUNK = 64 * 1024;

/** Bytes `offset` to `offset + length` of every `/bytes` body: all 256 values, checkable without a copy. */
export function patternBytes(offset: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i += 1) bytes[i] = ((offset + i) * 31 + 7) & 0xff;
  return bytes;
}

/** How many bytes each `/bytes` request (by its `id`) has made so far: how far the app has run. */
export const producedBytes = new Map<string, number>();

/** `total` pattern bytes in 64 KB chunks, each made only when the stream is read. */
export function byteStream(id: unknown, total: unknown): Readable {
  const size = Number(total) || 0;
  const key = String(id);
  let made = 0;
  return new Readable({
    highWaterMark: BYTE_CHUNK,
    read() {
      const length = Math.min(BYTE_CHUNK, size - made);
      if (length <= 0) {
        this.push(null);
        return;
      }
      const chunk = patternBytes(made, length);
      made += length;
      producedBytes.set(key, made);
      this.push(chunk);
    },
  });
}

/** `/empty`: the status asked for (204 unless `status=200`), no body. */
export const emptyStatus = (status: unknown): number => (String(status) === '200' ? 200 : 204);
