import type { Context } from 'aws-lambda';
import { BadEventError, isRecord } from './bad-event';
import { createRequest } from './create-request';
import { detectFormat } from './detect-format';
import type { EventFormat, ProxyResult } from './formats/event-format';
import { restV1 } from './formats/rest-v1';
import { bindInvocation, type LambdaHttpEvent } from './invocation';
import { InvocationSocket } from './invocation-socket';
import { logLine } from './log';
import { resolveSettings, type ProxyOptions, type ProxySettings } from './options';
import { resolveListener, type App, type RequestListener } from './resolve-listener';
import { oversizeBytes } from './response-limit';
import { jsonResultParts, toResultParts } from './result-parts';
import { serveRequest } from './serve-request';

/** The Lambda handler `createHandler` returns: async, two parameters, never throws or rejects. */
export type LambdaHttpHandler = (event: unknown, context: Context) => Promise<ProxyResult>;

// The client gets the helper's 504 this long before Lambda would end the invocation.
const TIMEOUT_MARGIN_MS = 500;
// For callers that pass no real Lambda context: API Gateway's own integration timeout.
const DEFAULT_TIME_LEFT_MS = 29_000;

function deadlineOf(context: Context | undefined): number {
  const timeLeft = typeof context?.getRemainingTimeInMillis === 'function' ? context.getRemainingTimeInMillis() : DEFAULT_TIME_LEFT_MS;
  return Math.max(0, timeLeft - TIMEOUT_MARGIN_MS);
}

async function answer(
  event: unknown,
  context: Context,
  settings: ProxySettings,
  listener: RequestListener | Promise<RequestListener>,
): Promise<ProxyResult> {
  const requestId = context?.awsRequestId;
  const format: EventFormat | undefined = detectFormat(event);
  if (!format) {
    logLine('WARN', 'Bad Request: not an API Gateway, Function URL or ALB HTTP event', requestId);
    return restV1.writeResult(jsonResultParts(400, 'Bad Request'), {}, requestId);
  }
  const record = event as Record<string, unknown>;

  let socket: InvocationSocket;
  let req;
  let route: string;
  try {
    const parts = format.readRequest(record, settings);
    route = `${parts.method} ${parts.path}`;
    socket = new InvocationSocket(parts.sourceIp);
    req = createRequest(parts, settings, socket);
  } catch (error) {
    if (!(error instanceof BadEventError)) throw error;
    logLine('WARN', `Bad Request: ${error.message}`, requestId, { format: format.name });
    return format.writeResult(jsonResultParts(400, 'Bad Request'), record, requestId);
  }

  bindInvocation(req, { event: event as LambdaHttpEvent, context });
  const ready = typeof listener === 'function' ? listener : await listener;
  const served = await serveRequest(ready, req, socket, deadlineOf(context));
  if (served.kind === 'failure') {
    logLine('ERROR', served.reason, requestId, { route, statusCode: served.statusCode });
    const message = served.statusCode === 504 ? 'Gateway Timeout' : 'Internal Server Error';
    return format.writeResult(jsonResultParts(served.statusCode, message), record, requestId);
  }

  const result = format.writeResult(toResultParts(served.response, settings), record, requestId);
  const bytes = oversizeBytes(result);
  if (bytes !== undefined) {
    logLine('ERROR', 'The response exceeds the Lambda response payload limit', requestId, { route, bytes });
    return format.writeResult(jsonResultParts(500, 'Internal Server Error'), record, requestId);
  }
  return result;
}

/**
 * Puts an app behind Lambda: returns a handler that turns each REST v1, HTTP API 2.0,
 * Function URL or ALB event into a Node request, lets the app answer, and returns the
 * app's response as that format's result. Build it once, at module scope.
 */
export function createHandler(app: App, options?: ProxyOptions): LambdaHttpHandler {
  const settings = resolveSettings(options);
  let listener: RequestListener | Promise<RequestListener> = resolveListener(app);
  if (listener instanceof Promise) {
    listener.then(
      (ready) => (listener = ready),
      () => undefined, // reported by the invocation that awaits it
    );
  }

  return async (event, context) => {
    try {
      return await answer(event, context, settings, listener);
    } catch (error) {
      const requestId = context?.awsRequestId;
      logLine('ERROR', 'The proxy helper failed', requestId, { error: error instanceof Error ? error.name : typeof error });
      const format = detectFormat(event) ?? restV1;
      return format.writeResult(jsonResultParts(500, 'Internal Server Error'), isRecord(event) ? event : {}, requestId);
    }
  };
}
