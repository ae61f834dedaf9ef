import type { Context } from 'aws-lambda';
import { deadlineOf } from './deadline';
import { isRecord } from './event-fields';
import { detectFormat } from './detect-format';
import type { ProxyResult } from './formats/event-format';
import { restV1 } from './formats/rest-v1';
import { logLine } from './log';
import { resolveSettings, type ProxyOptions, type ProxySettings } from './options';
import { readEvent, type ReadEvent } from './read-event';
import type { App } from './resolve-listener';
import { oversizeBytes } from './response-limit';
import { jsonResultParts, toResultParts } from './result-parts';
import { serveRequest, type Served } from './serve-request';
import { AppStartError, startApp } from './start-app';

/** The Lambda handler `createHandler` returns: async, two parameters, never throws or rejects. */
export type LambdaHttpHandler = (event: unknown, context: Context) => Promise<ProxyResult>;

/** Writes what the app did as the event format's result: its response, or the helper's 500/504. */
function writeServed(served: Served, read: ReadEvent, settings: ProxySettings, requestId: string | undefined): ProxyResult {
  const { format, event, parts } = read;
  if (served.kind === 'failure') {
    logLine('ERROR', served.reason, requestId, {
      route: `${parts.method} ${parts.path}`,
      statusCode: served.statusCode,
      error: served.error,
    });
    const message = served.statusCode === 504 ? 'Gateway Timeout' : 'Internal Server Error';
    return format.writeResult(jsonResultParts(served.statusCode, message), event, requestId);
  }
  const result = format.writeResult(toResultParts(served.response, settings), event, requestId);
  const bytes = oversizeBytes(result, format.responseLimitBytes);
  if (bytes === undefined) return result;
  logLine('ERROR', 'The response exceeds the largest result the event source accepts', requestId, {
    route: `${parts.method} ${parts.path}`,
    bytes,
    limitBytes: format.responseLimitBytes,
  });
  return format.writeResult(jsonResultParts(500, 'Internal Server Error'), event, requestId);
}

/**
 * Puts an app behind Lambda: returns a handler that turns each REST v1, HTTP API 2.0,
 * Function URL or ALB event into a Node request, lets the app answer, and returns the
 * app's response as that format's result. Build it once, at module scope.
 */
export function createHandler(app: App, options?: ProxyOptions): LambdaHttpHandler {
  const settings = resolveSettings(options);
  const listenerOf = startApp(app);

  return async (event, context) => {
    try {
      const read = readEvent(event, context, settings);
      if (read.kind === 'bad') return read.format.writeResult(jsonResultParts(400, 'Bad Request'), read.event, context?.awsRequestId);
      const listener = listenerOf();
      const ready = typeof listener === 'function' ? listener : await listener;
      const served = await serveRequest(ready, read.req, read.socket, deadlineOf(context));
      return writeServed(served, read, settings, context?.awsRequestId);
    } catch (error) {
      const requestId = context?.awsRequestId;
      const message = error instanceof AppStartError ? error.message : 'The proxy helper failed';
      logLine('ERROR', message, requestId, { error: error instanceof Error ? error.name : typeof error });
      const format = detectFormat(event) ?? restV1;
      return format.writeResult(jsonResultParts(500, 'Internal Server Error'), isRecord(event) ? event : {}, requestId);
    }
  };
}
