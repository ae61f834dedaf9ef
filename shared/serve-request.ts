import { ServerResponse, type IncomingMessage } from 'node:http';
import type { BufferedSocket } from './buffered-socket';
import { readResponse, type AppResponse } from './read-response';
import type { RequestListener } from './resolve-listener';
import { runListener, type ListenerFailure } from './run-listener';

/** How an app's handling of one request ended. */
export type Served = { readonly kind: 'response'; readonly response: AppResponse } | ListenerFailure;

const readServed = (res: ServerResponse, socket: BufferedSocket): Served => ({ kind: 'response', response: readResponse(res, socket) });

/**
 * Lets the app answer `req` and settles once: with its response when it finishes, or with a
 * failure when it throws, rejects, breaks its response stream or is still busy at `deadlineMs`.
 * Never rejects.
 */
export function serveRequest(listener: RequestListener, req: IncomingMessage, socket: BufferedSocket, deadlineMs: number): Promise<Served> {
  const res = new ServerResponse(req);
  // No chunked framing: the result carries the whole body, and HTTP/1.1 framing is the client's business.
  res.useChunkedEncodingByDefault = false;
  res.assignSocket(socket as never);
  return runListener(listener, req, res, socket, deadlineMs, readServed);
}
