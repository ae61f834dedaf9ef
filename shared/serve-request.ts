import { ServerResponse, type IncomingMessage } from 'node:http';
import type { BufferedSocket } from './buffered-socket';
import { describeError } from './log';
import { readResponse, type AppResponse } from './read-response';
import type { RequestListener } from './resolve-listener';

/** How an app's handling of one request ended. */
export type Served =
  | { readonly kind: 'response'; readonly response: AppResponse }
  | {
      readonly kind: 'failure';
      readonly statusCode: 500 | 504;
      readonly reason: string;
      /** The error the response was broken with, described (see describeError), if any. */
      readonly error?: string | undefined;
    };

/**
 * Lets the app answer `req` and settles once: with its response when it finishes, or with a
 * failure when it throws, rejects, breaks its response stream or is still busy at `deadlineMs`.
 * Never rejects.
 */
export function serveRequest(listener: RequestListener, req: IncomingMessage, socket: BufferedSocket, deadlineMs: number): Promise<Served> {
  return new Promise<Served>((resolve) => {
    const res = new ServerResponse(req);
    // No chunked framing: the result carries the whole body, and HTTP/1.1 framing is the client's business.
    res.useChunkedEncodingByDefault = false;
    res.assignSocket(socket as never);

    let settled = false;
    const settle = (served: Served): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (served.kind === 'failure') socket.destroy();
      resolve(served);
    };
    const fail = (reason: string, error?: Error | null): void =>
      settle({ kind: 'failure', statusCode: 500, reason, error: error ? describeError(error) : undefined });

    const timer = setTimeout(
      () => settle({ kind: 'failure', statusCode: 504, reason: 'the app did not finish its response in time' }),
      deadlineMs,
    );
    // `on`, not `once`: each fires at most once per response, and the response dies with the invocation.
    res.on('finish', () => {
      settle({ kind: 'response', response: readResponse(res, socket) });
      // As after a real exchange, the connection closes and the response emits 'close' (loggers wait for it).
      socket.destroy();
    });
    res.on('error', (error) => fail('the response stream failed', error));
    // `errored`: the error a response was destroyed with (Express's final handler does that, see finishUnhandled).
    res.on('close', () => fail('the response was closed before it finished', res.errored));

    try {
      const returned = listener(req, res);
      if (returned instanceof Promise) returned.catch(() => fail('the app rejected'));
    } catch {
      fail('the app threw');
    }
  });
}
