import type { ServerResponse } from 'node:http';
import type { LambdaResponseStream } from './awslambda';
import { InvocationSocket, type WriteCallback } from './invocation-socket';
import { readHead, type AppResponseHead } from './read-response';
import { ChunkUnframer } from './unframe-chunks';

const NO_BYTES = Buffer.alloc(0);

/**
 * Node's HTTP server, on its socket's `drain`, clears the response's need-drain flag before it
 * passes the `drain` on; a response without a server needs the same done here, or the flag stays
 * set and a later `pipe()` into the response waits for a drain that already came. The flag is
 * Node's internal `kNeedDrain` symbol, found by its description (Node 20 to 24): if Node renames
 * it, the streaming test "a response that met back-pressure and drained takes a pipe()
 * afterwards" (tests/streaming/stream-handler.test.ts) times out.
 */
function clearNeedDrain(res: ServerResponse): void {
  const key = Object.getOwnPropertySymbols(res).find((symbol) => symbol.description === 'kNeedDrain');
  if (key) (res as unknown as Record<symbol, unknown>)[key] = false;
}

/**
 * The connection of a streamed response. Node's own `ServerResponse` writes its head and body
 * to it as to a TCP socket, and it passes them on to the Lambda response stream: the head once,
 * to `sendHead` (which turns it into the prelude), then the body's bytes in the order written.
 * Back-pressure goes through: `write()` returns what the stream's `write()` returned, and the
 * response's `drain` follows the stream's, so a piped body holds a bounded amount in memory.
 */
export class ResponseStreamSocket extends InvocationSocket {
  /** Whether the head has gone to the stream: from then on the helper can no longer answer for the app. */
  headSent = false;
  private readonly stream: LambdaResponseStream;
  private readonly sendHead: (head: AppResponseHead) => void;
  private readonly onStreamDrain = (): void => this.passDrain();
  private unframer: ChunkUnframer | undefined;

  constructor(requestSocket: InvocationSocket, stream: LambdaResponseStream, sendHead: (head: AppResponseHead) => void) {
    super(requestSocket.invocation, requestSocket.remoteAddress, requestSocket.encrypted);
    this.stream = stream;
    this.sendHead = sendHead;
    stream.on('drain', this.onStreamDrain);
  }

  override write(data: string | Uint8Array, encoding?: BufferEncoding | WriteCallback | null, callback?: WriteCallback): boolean {
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    const res = this._httpMessage;
    // Before the head exists only informational answers (100 Continue, 103) are written: not the client's.
    if (this.destroyed || !res || typeof res._header !== 'string') {
      if (callback) process.nextTick(callback);
      return !this.destroyed;
    }
    const carriesHead = !this.headSent;
    if (carriesHead) this.startBody(res);
    const bytes = this.bodyBytes(res._header, data, encoding);
    const pieces = this.unframer ? this.unframer.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) : [bytes];
    if (bytes.length === 0 || pieces.length === 0) {
      // The write that carries the head goes on even without a body byte: the runtime sends the
      // prelude on the stream's first write(), so a response without a body (204, 304, HEAD, an
      // empty 200) still carries its head. Later empty writes have nothing to pass on.
      if (carriesHead) return this.stream.write(NO_BYTES, callback);
      if (callback) process.nextTick(callback);
      return !this.stream.writableNeedDrain;
    }
    let flowing = true;
    pieces.forEach((piece, index) => {
      flowing = this.stream.write(piece, index === pieces.length - 1 ? callback : undefined) && flowing;
    });
    return flowing;
  }

  override destroy(): this {
    this.stream.off('drain', this.onStreamDrain);
    return super.destroy();
  }

  private startBody(res: ServerResponse): void {
    this.headSent = true;
    if (res.chunkedEncoding) this.unframer = new ChunkUnframer();
    this.sendHead(readHead(res));
  }

  /** The body part of a write: Node prepends its header block to the first string it sends. */
  private bodyBytes(header: string, data: string | Uint8Array, encoding: BufferEncoding | null | undefined): Uint8Array {
    if (typeof data !== 'string') return data;
    const body = this.skipHeader(header, data);
    return body.length === 0 ? NO_BYTES : Buffer.from(body, encoding ?? 'utf8');
  }

  private passDrain(): void {
    this.emit('drain');
    const res = this._httpMessage;
    if (res?.writableNeedDrain) {
      clearNeedDrain(res);
      res.emit('drain');
    }
  }
}
