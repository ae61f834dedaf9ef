import type { IncomingMessage } from 'node:http';
import type { Context } from 'aws-lambda';
import { BadEventError } from './event-fields';
import { createRequest } from './create-request';
import { detectFormat } from './detect-format';
import type { EventFormat, EventRequest } from './formats/event-format';
import { restV1 } from './formats/rest-v1';
import type { LambdaHttpEvent } from './invocation';
import { BufferedSocket } from './buffered-socket';
import { logLine } from './log';
import type { ProxySettings } from './options';

/** An event read into a request the app can serve, bound to its invocation. */
export interface ReadEvent {
  readonly kind: 'request';
  readonly format: EventFormat;
  readonly event: Record<string, unknown>;
  readonly parts: EventRequest;
  readonly req: IncomingMessage;
  readonly socket: BufferedSocket;
}

/** An event the helper cannot serve: it is answered 400, in the shape of `format`. */
interface BadEvent {
  readonly kind: 'bad';
  /** The event's format, or REST v1's for an event of no known format. */
  readonly format: EventFormat;
  readonly event: Record<string, unknown>;
}

/**
 * Reads an event into a request bound to its invocation: the request side of both handlers,
 * buffered and streaming. A bad event is logged once (WARN) and returned as such.
 */
export function readEvent(event: unknown, context: Context, settings: ProxySettings): ReadEvent | BadEvent {
  const requestId = context?.awsRequestId;
  const format = detectFormat(event);
  if (!format) {
    logLine('WARN', 'Bad Request: not an API Gateway, Function URL, ALB or VPC Lattice HTTP event', requestId);
    return { kind: 'bad', format: restV1, event: {} };
  }
  const record = event as Record<string, unknown>;
  try {
    const parts = format.readRequest(record);
    const socket = new BufferedSocket({ event: event as LambdaHttpEvent, context }, parts.sourceIp, parts.encrypted);
    const req = createRequest(parts, settings, socket);
    return { kind: 'request', format, event: record, parts, req, socket };
  } catch (error) {
    if (!(error instanceof BadEventError)) throw error;
    logLine('WARN', `Bad Request: ${error.message}`, requestId, { format: format.name });
    return { kind: 'bad', format, event: record };
  }
}
