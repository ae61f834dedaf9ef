import { isRecord } from '../event-fields';
import type { EventFormat, ResultParts } from './event-format';
import { joinHeaderValues } from './event-format';

/** The event sources that invoke a function with InvokeWithResponseStream and read a prelude. */
export type StreamSource = 'rest-v1' | 'function-url';

/** The head of a streamed response: what the prelude carries. */
export type ResponseHead = Pick<ResultParts, 'statusCode' | 'headers' | 'cookies'>;

/** The JSON that precedes a streamed body: status and headers, in the source's shape. */
export interface StreamPrelude extends Record<string, unknown> {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly multiValueHeaders?: Record<string, string[]>;
  readonly cookies?: string[];
}

/** Function URLs answer from `<url-id>.lambda-url.<region>.on.aws`; an HTTP API never does. */
function isFunctionUrlEvent(event: Record<string, unknown>): boolean {
  const requestContext = event['requestContext'];
  const domainName = isRecord(requestContext) ? requestContext['domainName'] : undefined;
  return typeof domainName === 'string' && domainName.includes('.lambda-url.');
}

/**
 * An HTTP API's payload 1.0 has REST's shape; only `version` tells it apart (a REST API sends
 * none), and it matters where REST and HTTP APIs differ: only REST can stream.
 */
function isHttpApiV1Event(event: Record<string, unknown>): boolean {
  return event['version'] === '1.0';
}

/**
 * Which streaming source sent an event, or undefined for one that cannot stream: HTTP APIs
 * (payload 1.0 and 2.0) and ALB invoke a function only with Invoke, whose answer is the buffered result.
 */
export function streamSourceOf(format: EventFormat, event: Record<string, unknown>): StreamSource | undefined {
  if (format.name === 'rest-v1') return isHttpApiV1Event(event) ? undefined : 'rest-v1';
  if (format.name === 'http-v2' && isFunctionUrlEvent(event)) return 'function-url';
  return undefined;
}

/**
 * Writes the prelude. Content-Length is left out: the source frames the streamed body itself,
 * and a declared length the stream then does not carry (HEAD, a failure midway) would make
 * clients wait or fail. Several Set-Cookie stay apart: REST in `multiValueHeaders`, Function
 * URLs in `cookies`, as in their buffered results.
 */
export function writePrelude(source: StreamSource, head: ResponseHead): StreamPrelude {
  const headers = joinHeaderValues(head.headers);
  delete headers['content-length'];
  if (head.cookies.length === 0) return { statusCode: head.statusCode, headers };
  const cookies = [...head.cookies];
  return source === 'rest-v1'
    ? { statusCode: head.statusCode, headers, multiValueHeaders: { 'set-cookie': cookies } }
    : { statusCode: head.statusCode, headers, cookies };
}
