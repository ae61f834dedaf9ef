import { EventEmitter } from 'node:events';
import { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** A request already in Node's terms: what an HTTP server would have parsed. No event at all. */
export interface DirectRequest {
  readonly method: string;
  readonly url: string;
  /** Lower-case names, as Node's parser gives them. */
  readonly headers: Readonly<Record<string, string>>;
  /** Bytes, or base64 text: a request that came as JSON (under the runtime client) cannot carry a Buffer. */
  readonly body: Buffer | string;
}

/** What the framework wrote, untouched: the floor stops where a Lambda adapter would begin its work. */
export interface DirectResponse {
  readonly statusCode: number;
  /** Status line and header block as Node wrote them. */
  readonly head: string;
  /** Every byte written to the connection, head included. */
  readonly written: Buffer[];
}

type Listener = (req: IncomingMessage, res: ServerResponse) => unknown;

/**
 * The least a connection must do for Node's ServerResponse: take writes, call back later.
 * Kept apart from the helper's own socket so the floor does not move when the helper does.
 */
// The same socket surface as shared/invocation-socket.ts on purpose (duplicates lists the pair): the
// floor must cost what a request costs with no adapter, so it may not import the adapter it measures.
class CollectingSocket extends EventEmitter {
  readonly remoteAddress = '203.0.113.10';
  readonly encrypted = true;
  readonly readable = true;
  writable = true;
  destroyed = false;
  readonly _writableState = { corked: 0 };
  readonly written: Buffer[] = [];

  write(data: string | Buffer, encoding?: BufferEncoding | (() => void), callback?: () => void): boolean {
    if (typeof encoding === 'function') callback = encoding;
    this.written.push(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
    if (callback) process.nextTick(callback);
    return true;
  }
  /** Node's request resumes its socket when the app starts reading the body. */
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
  destroy(): this {
    this.destroyed = true;
    return this;
  }
}

/**
 * The framework floor: the app's own request listener called with a real IncomingMessage and
 * ServerResponse built from a request already in Node's terms, the way Node's HTTP server would
 * call it after parsing, minus the socket I/O. No event is read and no result is written, so
 * what an adapter costs on top of this is its translation. light-my-request (`app.inject`)
 * would not do: it builds its own request and response objects per call, a layer of its own.
 */
export function createDirectHandler(listener: Listener | Promise<Listener>) {
  let ready: Listener | undefined;
  return async (request: DirectRequest): Promise<DirectResponse> => {
    ready ??= await listener;
    const app = ready;
    return new Promise((resolve, reject) => {
      const socket = new CollectingSocket();
      const req = new IncomingMessage(socket as unknown as Socket);
      req.method = request.method;
      req.url = request.url;
      req.headers = { ...request.headers };
      // Node's parser sets it once the body is in; without it a request that ends counts as aborted.
      req.complete = true;
      const body = typeof request.body === 'string' ? Buffer.from(request.body, 'base64') : request.body;
      if (body.length > 0) req.push(body);
      req.push(null);
      const res = new ServerResponse(req);
      res.assignSocket(socket as unknown as Socket);
      res.once('finish', () =>
        resolve({ statusCode: res.statusCode, head: (res as unknown as { _header: string })._header, written: socket.written }),
      );
      res.once('error', reject);
      const returned = app(req, res);
      if (returned instanceof Promise) returned.catch(reject);
    });
  };
}
