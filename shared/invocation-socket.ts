import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { ALBEvent, APIGatewayProxyEvent, APIGatewayProxyEventV2, Context } from 'aws-lambda';

// The invocation's types live with the socket that carries it, so that invocation.ts (which
// recognises the socket) and this module do not import each other.

/** Every event the helper serves: REST v1, HTTP API 2.0 (and Function URLs), ALB. */
export type LambdaHttpEvent = APIGatewayProxyEvent | APIGatewayProxyEventV2 | ALBEvent;

/** The Lambda invocation a request belongs to. */
export interface Invocation {
  readonly event: LambdaHttpEvent;
  readonly context: Context;
}

type WriteCallback = (error?: Error | null) => void;

/**
 * The connection a Lambda invocation stands in for. Node's own `ServerResponse` writes the
 * status line, headers and body to it exactly as to a TCP socket; it keeps the body and skips
 * the header block, which `readResponse` takes from `res._header` instead. UTF-8 strings are
 * kept as strings: most bodies are JSON text, and turning them into bytes and back costs more
 * than the rest of the response.
 */
export class InvocationSocket extends EventEmitter {
  readonly remoteAddress: string | undefined;
  /** The invocation whose request this connection carries (see getInvocation). */
  readonly invocation: Invocation;
  /** Whether the client's connection was HTTPS: what `req.protocol` and `req.secure` read. */
  readonly encrypted: boolean;
  /** Body parsers (on-finished) take an unreadable socket for a request whose body is gone. */
  readonly readable = true;
  writable = true;
  destroyed = false;
  // Read by ServerResponse's own bookkeeping (end(), writableLength, writableCorked).
  readonly _writableState = { corked: 0 };
  readonly writableLength = 0;
  readonly writableCorked = 0;
  _httpMessage: ServerResponse | null = null;

  /** Body chunks in the order written: UTF-8 strings as written, anything else as bytes. */
  readonly chunks: Array<string | Buffer> = [];
  /** Whether every chunk is a UTF-8 string, so that the body is their concatenation. */
  textOnly = true;
  private headerCharsLeft = -1;

  constructor(invocation: Invocation, remoteAddress: string | undefined, encrypted: boolean) {
    super();
    this.invocation = invocation;
    this.remoteAddress = remoteAddress;
    this.encrypted = encrypted;
  }

  write(data: string | Uint8Array, encoding?: BufferEncoding | WriteCallback | null, callback?: WriteCallback): boolean {
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    const header = this._httpMessage?._header;
    // Before the header exists only informational answers (100 Continue, 103) are written: not ours to keep.
    if (typeof header === 'string') {
      if (this.headerCharsLeft === -1) this.headerCharsLeft = header.length;
      if (this.headerCharsLeft > 0 && typeof data === 'string') {
        const skipped = Math.min(this.headerCharsLeft, data.length);
        this.headerCharsLeft -= skipped;
        data = data.slice(skipped);
      }
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

  /** The request holds its whole body already (see createRequest): there is no reading to start. */
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
  cork(): void {}
  uncork(): void {}
  setTimeout(): this {
    return this;
  }
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
  /** The server's side of the connection, as `net.Socket#address()` gives it. */
  address(): { port: number } {
    return { port: this.encrypted ? 443 : 80 };
  }
  end(): this {
    return this.destroy();
  }

  destroy(): this {
    if (this.destroyed) return this;
    this.destroyed = true;
    this.writable = false;
    process.nextTick(() => this.emit('close', false));
    return this;
  }
}

declare module 'node:http' {
  interface OutgoingMessage {
    /** The status line and header block Node wrote, or null before the head is sent. */
    _header: string | null;
  }
}
