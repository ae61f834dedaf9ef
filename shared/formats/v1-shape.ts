import { readFlag, readMethod, readOptionalMap, readOptionalString, readString } from '../event-fields';
import { collectHeaders } from '../request-headers';
import type { EventRequest, ResultParts } from './event-format';

/**
 * The multi-value map when the event has one with entries, else the single-value map. API
 * Gateway and ALB fill one consistently; a hand-written event may leave the other `{}`.
 */
function preferMultiValue(event: Record<string, unknown>, multiKey: string, singleKey: string): Record<string, unknown> | undefined {
  const multi = readOptionalMap(event, multiKey);
  return multi && Object.keys(multi).length > 0 ? multi : readOptionalMap(event, singleKey);
}

/** What a REST v1 or ALB event says about the client's connection. */
export interface V1Client {
  readonly queryEncoded: boolean;
  readonly sourceIp: string | undefined;
  isEncrypted(rawHeaders: readonly string[]): boolean;
}

/**
 * Reads the request shared by REST v1 and ALB events: `httpMethod`, `path`, header and query
 * maps in either mode, body. They differ in whether query keys and values arrive still encoded
 * (ALB) or decoded (REST) and in what they say about the client, which `client` tells. Neither
 * puts a stage in `path`.
 */
export function readV1Shape(event: Record<string, unknown>, client: V1Client): EventRequest {
  const rawHeaders = collectHeaders(preferMultiValue(event, 'multiValueHeaders', 'headers'));
  // One object literal, no spread of a partial request: the spread cost 3 to 9 µs per invocation
  // on Koa's REST v1 path (issue 12, CPU time per invocation, interleaved runs).
  return {
    method: readMethod(event, 'httpMethod'),
    path: readString(event, 'path'),
    stage: undefined,
    query: {
      kind: 'map',
      map: preferMultiValue(event, 'multiValueQueryStringParameters', 'queryStringParameters'),
      encoded: client.queryEncoded,
    },
    rawHeaders,
    body: readOptionalString(event, 'body'),
    isBase64Encoded: readFlag(event, 'isBase64Encoded'),
    sourceIp: client.sourceIp,
    encrypted: client.isEncrypted(rawHeaders),
  };
}

/** Every header as a list, cookies included: the multi-value mode of REST v1 and ALB results. */
export function listHeaderValues(parts: ResultParts): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  for (const [name, values] of parts.headers) lists[name] = values as string[];
  if (parts.cookies.length > 0) lists['set-cookie'] = parts.cookies as string[];
  return lists;
}
