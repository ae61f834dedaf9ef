import { isRecord } from '../../shared/event-fields';
import { addHeader, isHeaderValue, MalformedResult, readStatusCode, type HttpAnswer, type ReadOutcome } from './read-lambda-result';

function readCookies(cookies: unknown, headers: Map<string, string[]>): void {
  if (cookies === undefined || cookies === null) return;
  if (!Array.isArray(cookies) || !cookies.every((cookie) => typeof cookie === 'string'))
    throw new MalformedResult('cookies is not a list of strings');
  // Each cookie becomes a Set-Cookie header of its own, after any the headers named.
  for (const cookie of cookies) addHeader(headers, 'set-cookie', cookie, false);
}

function readHeaders(value: unknown): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  if (value === undefined || value === null) return headers;
  if (!isRecord(value)) throw new MalformedResult('headers is not an object');
  for (const [name, item] of Object.entries(value)) {
    if (!isHeaderValue(item)) throw new MalformedResult(`headers.${name} is not a string`);
    addHeader(headers, name, item, false);
  }
  return headers;
}

function readBody(body: unknown, isBase64Encoded: unknown): Buffer {
  if (isBase64Encoded !== undefined && isBase64Encoded !== null && typeof isBase64Encoded !== 'boolean')
    throw new MalformedResult('isBase64Encoded is not a boolean');
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body !== 'string') throw new MalformedResult('body is not a string');
  return Buffer.from(body, isBase64Encoded === true ? 'base64' : 'utf8');
}

/**
 * Reads a payload 2.0 result as HTTP APIs and Function URLs do. A result with a statusCode is a
 * response: headers, cookies (each its own Set-Cookie), body, base64 decoded when it says so.
 * Any other JSON value is inferred as the documentation says: 200, `content-type:
 * application/json`, and the JSON itself as the body (a string result arrives in its quotes).
 */
export function readV2Result(payload: string): ReadOutcome {
  try {
    const result: unknown = JSON.parse(payload);
    if (!isRecord(result) || result.statusCode === undefined) {
      const inferred: HttpAnswer = {
        statusCode: 200,
        headers: new Map([['content-type', ['application/json']]]),
        body: Buffer.from(payload),
      };
      return { ok: true, answer: inferred };
    }
    const headers = readHeaders(result.headers);
    readCookies(result.cookies, headers);
    return {
      ok: true,
      answer: { statusCode: readStatusCode(result.statusCode), headers, body: readBody(result.body, result.isBase64Encoded) },
    };
  } catch (error) {
    return { ok: false, reason: `Malformed Lambda proxy response: ${(error as Error).message}` };
  }
}
