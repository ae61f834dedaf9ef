import { ServerResponse } from 'node:http';
import { writePrelude } from './formats/stream-prelude';
import { endStream, sendJsonAnswer, type StreamTarget } from './send-stream-answer';
import { logLine } from './log';
import type { ReadEvent } from './read-event';
import type { RequestListener } from './resolve-listener';
import { ResponseStreamSocket } from './response-stream-socket';
import { runListener } from './run-listener';

const nothingToRead = (): undefined => undefined;

/**
 * Lets the app answer the request into the Lambda response stream and resolves once the
 * stream has ended. The app's head becomes the prelude and its body goes on as written. When
 * the app throws, rejects, breaks its response or is still busy at `deadlineMs`, the client
 * gets the helper's 500 or 504 if nothing was sent yet, or else the stream ends where it is;
 * either way one log line says why. Never rejects.
 */
export async function streamRequest(
  listener: RequestListener,
  read: ReadEvent,
  target: StreamTarget,
  deadlineMs: number,
  requestId: string | undefined,
): Promise<void> {
  const res = new ServerResponse(read.req);
  // No chunked framing: the stream carries the body as it is, and the source frames it for the client.
  res.useChunkedEncodingByDefault = false;
  const socket = new ResponseStreamSocket(read.socket, target.stream, (head) => {
    target.awslambda.HttpResponseStream.from(target.stream, writePrelude(target.source, head));
  });
  res.assignSocket(socket as never);
  // The client went away (or the runtime failed): the response is broken with the stream's error.
  target.stream.once('error', (error) => res.destroy(error));

  const failure = await runListener(listener, read.req, res, socket, deadlineMs, nothingToRead);
  if (!failure) await endStream(target.stream);
  else {
    const started = socket.headSent;
    logLine('ERROR', started ? `${failure.reason}; the stream was ended where it was` : failure.reason, requestId, {
      route: `${read.parts.method} ${read.parts.path}`,
      statusCode: started ? res.statusCode : failure.statusCode,
      error: failure.error,
    });
    if (started || target.stream.destroyed) await endStream(target.stream);
    else await sendJsonAnswer(target, failure.statusCode, failure.statusCode === 504 ? 'Gateway Timeout' : 'Internal Server Error');
  }
  read.socket.destroy();
}
