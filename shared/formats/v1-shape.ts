import { readFlag, readMethod, readOptionalMap, readOptionalString, readString } from '../event-fields';
import { collectHeaders } from '../request-headers';
import type { EventRequest, ResultParts } from './event-format';

const asWritten = (name: string): string => name;
const anyCase = (name: string): string => name.toLowerCase();

/**
 * Both maps as one: every name of the multi-value map, and each name only the single-value map
 * has, the multi-value map winning where both have it (its every value). API Gateway and ALB send
 * both maps with the same names, but hand-written events and some tools fill only part of one.
 * Header names are compared in any case, query keys as written. Never changes either map.
 */
function mergeMaps(
  event: Record<string, unknown>,
  multiKey: string,
  singleKey: string,
  sameName: (name: string) => string,
): Record<string, unknown> | undefined {
  const multi = readOptionalMap(event, multiKey);
  const single = readOptionalMap(event, singleKey);
  if (!multi || !single) return multi ?? single;
  let names: Set<string> | undefined;
  let merged: Record<string, unknown> | undefined;
  for (const name of Object.keys(single)) {
    // API Gateway and ALB send the same names in both maps: found as written, no name is folded
    // (folding all 18 of a browser's headers cost REST v1 about 6% of a warm Express ping).
    if (Object.hasOwn(multi, name)) continue;
    names ??= new Set(Object.keys(multi).map(sameName));
    if (names.has(sameName(name))) continue;
    // No prototype: a header or key named `__proto__` is a name like any other, not a setter.
    merged ??= Object.assign(Object.create(null) as Record<string, unknown>, multi);
    merged[name] = single[name];
  }
  return merged ?? multi;
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
  const rawHeaders = collectHeaders(mergeMaps(event, 'multiValueHeaders', 'headers', anyCase));
  // One object literal, no spread of a partial request: the spread cost 3 to 9 µs per invocation
  // on Koa's REST v1 path (issue 12, CPU time per invocation, interleaved runs).
  return {
    method: readMethod(event, 'httpMethod'),
    path: readString(event, 'path'),
    stage: undefined,
    query: {
      kind: 'map',
      map: mergeMaps(event, 'multiValueQueryStringParameters', 'queryStringParameters', asWritten),
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
