import type { Context } from 'aws-lambda';
import { requireAwsLambda, type LambdaResponseStream, type LambdaStreamHandler } from './awslambda';
import { deadlineOf } from './deadline';
import { detectFormat, streamSourceOf, type StreamSource } from './detect-format';
import type { EventFormat } from './formats/event-format';
import { restV1 } from './formats/rest-v1';
import { isRecord } from './event-fields';
import { endStream, sendJsonAnswer, type StreamTarget } from './send-stream-answer';
import { logLine } from './log';
import { resolveSettings, type ProxyOptions } from './options';
import { readEvent } from './read-event';
import type { App } from './resolve-listener';
import { jsonResultParts } from './result-parts';
import { AppStartError, startApp } from './start-app';
import { StreamCutError } from './stream-cut-error';
import { streamRequest } from './stream-request';

/**
 * HTTP APIs and ALB invoke a function with Invoke, whose answer is the whole stream read as the
 * buffered result. The stream therefore carries a 500 result in the event's own format, so the
 * client gets a clean error, and the log says what is wrong with the wiring.
 */
function answerUnstreamable(
  format: EventFormat,
  event: Record<string, unknown>,
  stream: LambdaResponseStream,
  requestId: string | undefined,
): Promise<void> {
  logLine('ERROR', 'HTTP APIs, ALB and VPC Lattice cannot invoke a streaming function: serve this route with createHandler', requestId, {
    format: format.name,
  });
  stream.write(JSON.stringify(format.writeResult(jsonResultParts(500, 'Internal Server Error'), event, requestId)));
  return endStream(stream);
}

/** Where an event came from: its format (REST v1's for an unknown one) and the source that streams it, if any. */
function sourceOf(event: unknown): { format: EventFormat; record: Record<string, unknown>; source: StreamSource | undefined } {
  const format = detectFormat(event) ?? restV1;
  const record = isRecord(event) ? event : {};
  return { format, record, source: streamSourceOf(format, record) };
}

/** The 500 of a failure outside the app's own handling, when the stream still has room for it. */
async function answerHelperFailure(target: StreamTarget): Promise<void> {
  try {
    await sendJsonAnswer(target, 500, 'Internal Server Error');
  } catch {
    // The runtime refuses a prelude once the stream was written to: the response is cut.
    throw new StreamCutError('the proxy helper failed after the response had started');
  }
}

/**
 * Puts an app behind Lambda response streaming: returns a handler, already wrapped by the
 * runtime's `awslambda.streamifyResponse`, that turns each REST API (STREAM integration) or
 * Function URL (RESPONSE_STREAM) event into a Node request, as `createHandler` does, and
 * streams the app's response as it writes it: its status and headers as the prelude, then its
 * body's bytes. A response that fails after its head rejects (StreamCutError), so that Lambda
 * reports the invocation as failed. Throws where the `awslambda` global is missing (plain Node).
 * Build it once, at module scope.
 */
export function createStreamHandler(app: App, options?: ProxyOptions): LambdaStreamHandler {
  const awslambda = requireAwsLambda();
  const settings = resolveSettings(options);
  const listenerOf = startApp(app);

  return awslambda.streamifyResponse(async (event: unknown, stream: LambdaResponseStream, context: Context) => {
    const requestId = context?.awsRequestId;
    // Before the event is read: a source that cannot stream is a wiring error, whatever its event holds.
    const { format, record, source } = sourceOf(event);
    if (!source) return answerUnstreamable(format, record, stream, requestId);
    const target = { stream, awslambda, source };
    try {
      const read = readEvent(event, context, settings);
      if (read.kind === 'bad') return await sendJsonAnswer(target, 400, 'Bad Request');
      const listener = listenerOf();
      const ready = typeof listener === 'function' ? listener : await listener;
      await streamRequest(ready, read, target, deadlineOf(context), requestId);
    } catch (error) {
      if (error instanceof StreamCutError) throw error;
      const message = error instanceof AppStartError ? error.message : 'The proxy helper failed';
      logLine('ERROR', message, requestId, { error: error instanceof Error ? error.name : typeof error });
      await answerHelperFailure(target);
    }
  });
}
