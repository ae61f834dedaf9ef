import { ServerResponse } from 'node:http';
import { writePrelude } from './formats/stream-prelude';
import { endStream, sendJsonAnswer, type StreamTarget } from './lambda-stream';
import { describeError, logLine } from './log';
import type { ReadEvent } from './read-event';
import type { RequestListener } from './resolve-listener';
import { ResponseStreamSocket } from './response-stream-socket';

interface Failure {
  readonly statusCode: 500 | 504;
  readonly reason: string;
  /** The error the response was broken with, described (see describeError), if any. */
  readonly error?: string | undefined;
}

/**
 * Lets the app answer the request into the Lambda response stream and resolves once the
 * stream has ended. The app's head becomes the prelude and its body goes on as written. When
 * the app throws, rejects, breaks its response or is still busy at `deadlineMs`, the client
 * gets the helper's 500 or 504 if nothing was sent yet, or else the stream ends where it is;
 * either way one log line says why. Never rejects.
 */
export function streamRequest(
  listener: RequestListener,
  read: ReadEvent,
  target: StreamTarget,
  deadlineMs: number,
  requestId: string | undefined,
): Promise<void> {
  return new Promise<void>((resolve) => {
    const res = new ServerResponse(read.req);
    // No chunked framing: the stream carries the body as it is, and the source frames it for the client.
    res.useChunkedEncodingByDefault = false;
    const socket = new ResponseStreamSocket(read.socket, target.stream, (head) => {
      target.awslambda.HttpResponseStream.from(target.stream, writePrelude(target.source, head));
    });
    res.assignSocket(socket as never);

    let settled = false;
    const settle = (failure?: Failure): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      let ended: Promise<void>;
      if (!failure) ended = endStream(target.stream);
      else {
        const started = socket.headSent;
        logLine('ERROR', started ? `${failure.reason}; the stream was ended where it was` : failure.reason, requestId, {
          route: `${read.parts.method} ${read.parts.path}`,
          statusCode: started ? res.statusCode : failure.statusCode,
          error: failure.error,
        });
        // Writes the app makes from now on go nowhere (Node drops writes to a destroyed socket).
        socket.destroy();
        ended =
          started || target.stream.destroyed
            ? endStream(target.stream)
            : sendJsonAnswer(target, failure.statusCode, failure.statusCode === 504 ? 'Gateway Timeout' : 'Internal Server Error');
      }
      void ended.then(() => {
        // As after a real exchange, the connection closes and the response emits 'close' (loggers wait for it).
        socket.destroy();
        read.socket.destroy();
        resolve();
      });
    };
    const fail = (reason: string, error?: Error | null): void =>
      settle({ statusCode: 500, reason, error: error ? describeError(error) : undefined });

    const timer = setTimeout(() => settle({ statusCode: 504, reason: 'the app did not finish its response in time' }), deadlineMs);
    // `on`, not `once`: each fires at most once per response, and the response dies with the invocation.
    res.on('finish', () => settle());
    res.on('error', (error) => fail('the response stream failed', error));
    // `errored`: the error a response was destroyed with (Express's final handler does that, see finishUnhandled).
    res.on('close', () => fail('the response was closed before it finished', res.errored));
    target.stream.once('error', () => fail('the Lambda response stream failed'));

    try {
      const returned = listener(read.req, res);
      if (returned instanceof Promise) returned.catch(() => fail('the app rejected'));
    } catch {
      fail('the app threw');
    }
  });
}
