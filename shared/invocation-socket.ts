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

export type WriteCallback = (error?: Error | null) => void;

/**
 * The connection a Lambda invocation stands in for: what Node's `ServerResponse` and the
 * frameworks read of a TCP socket, and the invocation the request belongs to. Node writes the
 * response's status line, headers and body to it exactly as to a TCP socket; each subclass
 * decides where the body goes (BufferedSocket keeps it, ResponseStreamSocket streams it), and
 * both read the head from `res._header` instead of the bytes.
 */
export abstract class InvocationSocket extends EventEmitter {
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
  /** How many characters of Node's header block the next string writes still carry; -1 before the head. */
  private headerCharsLeft = -1;

  constructor(invocation: Invocation, remoteAddress: string | undefined, encrypted: boolean) {
    super();
    this.invocation = invocation;
    this.remoteAddress = remoteAddress;
    this.encrypted = encrypted;
  }

  abstract write(data: string | Uint8Array, encoding?: BufferEncoding | WriteCallback | null, callback?: WriteCallback): boolean;

  /** The body part of a string write: Node sends `header` (`res._header`) in front of the first ones. */
  protected skipHeader(header: string, data: string): string {
    if (this.headerCharsLeft === -1) this.headerCharsLeft = header.length;
    if (this.headerCharsLeft === 0) return data;
    const skipped = Math.min(this.headerCharsLeft, data.length);
    this.headerCharsLeft -= skipped;
    return data.slice(skipped);
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
