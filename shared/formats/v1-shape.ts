import { readFlag, readMethod, readOptionalMap, readOptionalString, readString } from '../event-fields';
import { collectHeaders } from '../request-headers';
import type { EventRequest, ResultParts } from './event-format';

/**
 * The multi-value map when the event has one with entries, else the single-value map. API
 * Gateway and ALB fill one consistently; a hand-written event may leave the other `{}`.
 */
export function preferMultiValue(event: Record<string, unknown>, multiKey: string, singleKey: string): Record<string, unknown> | undefined {
  const multi = readOptionalMap(event, multiKey);
  return multi && Object.keys(multi).length > 0 ? multi : readOptionalMap(event, singleKey);
}

/**
 * Reads the request shared by REST v1 and ALB events: `httpMethod`, `path`, header and query
 * maps in either mode, body. They differ in whether query keys and values arrive still encoded
 * (ALB) or decoded (REST) and in what they say about the client, which each format adds. Neither
 * puts a stage in `path`.
 */
export function readV1Shape(event: Record<string, unknown>, queryEncoded: boolean): Omit<EventRequest, 'sourceIp' | 'encrypted'> {
  return {
    method: readMethod(event, 'httpMethod'),
    path: readString(event, 'path'),
    stage: undefined,
    query: { kind: 'map', map: preferMultiValue(event, 'multiValueQueryStringParameters', 'queryStringParameters'), encoded: queryEncoded },
    rawHeaders: collectHeaders(preferMultiValue(event, 'multiValueHeaders', 'headers')),
    body: readOptionalString(event, 'body'),
    isBase64Encoded: readFlag(event, 'isBase64Encoded'),
  };
}

/** Every header as a list, cookies included: the multi-value mode of REST v1 and ALB results. */
export function listHeaderValues(parts: ResultParts): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  for (const [name, values] of parts.headers) lists[name] = values as string[];
  if (parts.cookies.length > 0) lists['set-cookie'] = parts.cookies as string[];
  return lists;
}
