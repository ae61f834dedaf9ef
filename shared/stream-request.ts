import { ServerResponse } from 'node:http';
import { writePrelude } from './formats/stream-prelude';
import { endStream, sendJsonAnswer, type StreamTarget } from './send-stream-answer';
import { logLine } from './log';
import type { ReadEvent } from './read-event';
import type { RequestListener } from './resolve-listener';
import { ResponseStreamSocket } from './response-stream-socket';
import { runListener } from './run-listener';
import { StreamCutError } from './stream-cut-error';

const nothingToRead = (): undefined => undefined;

/**
 * Lets the app answer the request into the Lambda response stream and resolves once the
 * stream has ended. The app's head becomes the prelude and its body goes on as written. When
 * the app throws, rejects, breaks its response or is still busy at `deadlineMs`, the client
 * gets the helper's 500 or 504 if nothing was sent yet; either way one log line says why. Once
 * the head has gone out there is no answer left to give: it rejects with `StreamCutError` and
 * leaves the stream open, for the runtime to fail the invocation (see StreamCutError).
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
  try {
    if (!failure) return await endStream(target.stream);
    const started = socket.headSent;
    logLine('ERROR', started ? `${failure.reason}; the response was cut after its head` : failure.reason, requestId, {
      route: `${read.parts.method} ${read.parts.path}`,
      statusCode: started ? res.statusCode : failure.statusCode,
      error: failure.error,
    });
    if (started) throw new StreamCutError(`${failure.reason} after the response's head was sent`);
    if (target.stream.destroyed) return undefined;
    return await sendJsonAnswer(target, failure.statusCode, failure.statusCode === 504 ? 'Gateway Timeout' : 'Internal Server Error');
  } finally {
    read.socket.destroy();
  }
}
