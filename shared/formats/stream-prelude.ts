import type { StreamSource } from '../detect-format';
import { joinHeaderValues, type ResultParts } from './event-format';

/** The head of a streamed response: what the prelude carries. */
type ResponseHead = Pick<ResultParts, 'statusCode' | 'headers' | 'cookies'>;

/** The JSON that precedes a streamed body: status and headers, in the source's shape. */
interface StreamPrelude extends Record<string, unknown> {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly multiValueHeaders?: Record<string, string[]>;
  readonly cookies?: string[];
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
