import { InvocationSocket, type WriteCallback } from './invocation-socket';

/**
 * The connection of a buffered invocation: it keeps the response's body, which `readResponse`
 * turns into the result. UTF-8 strings are kept as strings: most bodies are JSON text, and
 * turning them into bytes and back costs more than the rest of the response.
 */
export class BufferedSocket extends InvocationSocket {
  /** Body chunks in the order written: UTF-8 strings as written, anything else as bytes. */
  readonly chunks: Array<string | Buffer> = [];
  /** Whether every chunk is a UTF-8 string, so that the body is their concatenation. */
  textOnly = true;

  write(data: string | Uint8Array, encoding?: BufferEncoding | WriteCallback | null, callback?: WriteCallback): boolean {
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    const header = this._httpMessage?._header;
    // Before the header exists only informational answers (100 Continue, 103) are written: not ours to keep.
    if (typeof header === 'string') {
      if (typeof data === 'string') data = this.skipHeader(header, data);
      if (data.length > 0) this.keep(data, encoding, callback !== undefined && callback !== null);
    }
    // A real socket calls back later, never inside write(); Node's response relies on that order.
    if (callback) process.nextTick(callback);
    return true;
  }

  private keep(data: string | Uint8Array, encoding: BufferEncoding | null | undefined, isCalledBack: boolean): void {
    if (typeof data === 'string' && (!encoding || encoding === 'utf8' || encoding === 'utf-8')) {
      this.chunks.push(data);
      return;
    }
    this.textOnly = false;
    if (typeof data === 'string') {
      this.chunks.push(Buffer.from(data, encoding ?? 'utf8'));
      return;
    }
    // As with a real socket, the bytes are the socket's until the write calls back; after that the
    // app may reuse its buffer, so a write with a callback is copied. One without (`res.end(buf)`,
    // a pipe) is kept as it is: a real socket reads from that very buffer too.
    this.chunks.push(isCalledBack ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  }
}
