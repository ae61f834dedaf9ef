import type { Context } from 'aws-lambda';
import { requireAwsLambda, type LambdaResponseStream, type LambdaStreamHandler } from './awslambda';
import { deadlineOf } from './deadline';
import { detectFormat, streamSourceOf } from './detect-format';
import { isRecord } from './event-fields';
import { endStream, sendJsonAnswer, type StreamTarget } from './send-stream-answer';
import { logLine } from './log';
import { resolveSettings, type ProxyOptions } from './options';
import { readEvent, type ReadEvent } from './read-event';
import type { App } from './resolve-listener';
import { jsonResultParts } from './result-parts';
import { AppStartError, startApp } from './start-app';
import { streamRequest } from './stream-request';

/**
 * HTTP APIs and ALB invoke a function with Invoke, whose answer is the whole stream read as the
 * buffered result. The stream therefore carries a 500 result in the event's own format, so the
 * client gets a clean error, and the log says what is wrong with the wiring.
 */
function answerUnstreamable(read: ReadEvent, stream: LambdaResponseStream, requestId: string | undefined): Promise<void> {
  logLine('ERROR', 'HTTP APIs and ALB cannot invoke a streaming function: serve this route with createHandler', requestId, {
    format: read.format.name,
  });
  read.socket.destroy();
  stream.write(JSON.stringify(read.format.writeResult(jsonResultParts(500, 'Internal Server Error'), read.event, requestId)));
  return endStream(stream);
}

/** The 500 of a failure outside the app's own handling, when the stream still has room for it. */
async function answerHelperFailure(target: StreamTarget): Promise<void> {
  try {
    await sendJsonAnswer(target, 500, 'Internal Server Error');
  } catch {
    // The runtime refuses a prelude once the stream was written to: end it where it is.
    await endStream(target.stream);
  }
}

/**
 * Puts an app behind Lambda response streaming: returns a handler, already wrapped by the
 * runtime's `awslambda.streamifyResponse`, that turns each REST API (STREAM integration) or
 * Function URL (RESPONSE_STREAM) event into a Node request, as `createHandler` does, and
 * streams the app's response as it writes it: its status and headers as the prelude, then its
 * body's bytes. Throws where the `awslambda` global is missing (plain Node). Build it once, at
 * module scope.
 */
export function createStreamHandler(app: App, options?: ProxyOptions): LambdaStreamHandler {
  const awslambda = requireAwsLambda();
  const settings = resolveSettings(options);
  const listenerOf = startApp(app);

  return awslambda.streamifyResponse(async (event: unknown, stream: LambdaResponseStream, context: Context) => {
    const requestId = context?.awsRequestId;
    try {
      const read = readEvent(event, context, settings);
      if (read.kind === 'bad') {
        const source = streamSourceOf(read.format, read.event) ?? 'rest-v1';
        await sendJsonAnswer({ stream, awslambda, source }, 400, 'Bad Request');
        return;
      }
      const source = streamSourceOf(read.format, read.event);
      if (!source) {
        await answerUnstreamable(read, stream, requestId);
        return;
      }
      const listener = listenerOf();
      const ready = typeof listener === 'function' ? listener : await listener;
      await streamRequest(ready, read, { stream, awslambda, source }, deadlineOf(context), requestId);
    } catch (error) {
      const message = error instanceof AppStartError ? error.message : 'The proxy helper failed';
      logLine('ERROR', message, requestId, { error: error instanceof Error ? error.name : typeof error });
      const format = detectFormat(event);
      const source = (format && isRecord(event) && streamSourceOf(format, event)) || 'rest-v1';
      await answerHelperFailure({ stream, awslambda, source });
    }
  });
}
