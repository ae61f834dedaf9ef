import type { IncomingMessage } from 'node:http';
import type { Context } from 'aws-lambda';
import { BadEventError, isRecord } from './event-fields';
import { createRequest } from './create-request';
import { detectFormat } from './detect-format';
import type { EventFormat, EventRequest, ProxyResult } from './formats/event-format';
import { restV1 } from './formats/rest-v1';
import type { LambdaHttpEvent } from './invocation';
import { InvocationSocket } from './invocation-socket';
import { describeError, logLine } from './log';
import { resolveSettings, type ProxyOptions, type ProxySettings } from './options';
import { resolveListener, type App, type RequestListener } from './resolve-listener';
import { oversizeBytes } from './response-limit';
import { jsonResultParts, toResultParts } from './result-parts';
import { serveRequest, type Served } from './serve-request';

/** The Lambda handler `createHandler` returns: async, two parameters, never throws or rejects. */
export type LambdaHttpHandler = (event: unknown, context: Context) => Promise<ProxyResult>;

// The client gets the helper's 504 this long before Lambda would end the invocation.
const TIMEOUT_MARGIN_MS = 500;
// For callers that pass no real Lambda context: API Gateway's own integration timeout.
const DEFAULT_TIME_LEFT_MS = 29_000;

/** Why every invocation fails after the app's start (Fastify's `ready()`) failed. */
class AppStartError extends Error {
  override readonly name = 'AppStartError';
  constructor() {
    super('The app failed to start (its reason was logged at cold start)');
  }
}

/** An event read into a request the app can serve. */
interface ReadEvent {
  readonly format: EventFormat;
  readonly event: Record<string, unknown>;
  readonly parts: EventRequest;
  readonly req: IncomingMessage;
  readonly socket: InvocationSocket;
}

function deadlineOf(context: Context | undefined): number {
  const reported = typeof context?.getRemainingTimeInMillis === 'function' ? context.getRemainingTimeInMillis() : undefined;
  const timeLeft = typeof reported === 'number' && Number.isFinite(reported) ? reported : DEFAULT_TIME_LEFT_MS;
  return Math.max(0, timeLeft - TIMEOUT_MARGIN_MS);
}

/** Turns the event into a request bound to its invocation, or into the 400 result for a bad event. */
function readEvent(event: unknown, context: Context, settings: ProxySettings): ReadEvent | ProxyResult {
  const requestId = context?.awsRequestId;
  const format = detectFormat(event);
  if (!format) {
    logLine('WARN', 'Bad Request: not an API Gateway, Function URL or ALB HTTP event', requestId);
    return restV1.writeResult(jsonResultParts(400, 'Bad Request'), {}, requestId);
  }
  const record = event as Record<string, unknown>;
  try {
    const parts = format.readRequest(record);
    const socket = new InvocationSocket({ event: event as LambdaHttpEvent, context }, parts.sourceIp, parts.encrypted);
    const req = createRequest(parts, settings, socket);
    return { format, event: record, parts, req, socket };
  } catch (error) {
    if (!(error instanceof BadEventError)) throw error;
    logLine('WARN', `Bad Request: ${error.message}`, requestId, { format: format.name });
    return format.writeResult(jsonResultParts(400, 'Bad Request'), record, requestId);
  }
}

/** Writes what the app did as the event format's result: its response, or the helper's 500/504. */
function writeServed(served: Served, read: ReadEvent, settings: ProxySettings, requestId: string | undefined): ProxyResult {
  const { format, event, parts } = read;
  if (served.kind === 'failure') {
    logLine('ERROR', served.reason, requestId, { route: `${parts.method} ${parts.path}`, statusCode: served.statusCode });
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
  let listener: RequestListener | Promise<RequestListener> = resolveListener(app);
  if (listener instanceof Promise) {
    listener = listener.catch((error: unknown) => {
      // Said once, with its reason; every invocation then answers 500 until the code is fixed.
      logLine('ERROR', 'The app failed to start', undefined, { error: describeError(error) });
      throw new AppStartError();
    });
    listener.then(
      (ready) => (listener = ready),
      () => undefined, // each invocation reports it
    );
  }

  return async (event, context) => {
    try {
      const read = readEvent(event, context, settings);
      if (!('req' in read)) return read;
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
