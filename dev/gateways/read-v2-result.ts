import { isRecord } from '../sam-model/is-record';
import { readStatusCode, type HttpAnswer, type ReadOutcome } from './read-lambda-result';
import { addCookies, addSingleValueHeaders, MalformedResult, type HeaderMap, type HeaderRules } from './read-result-headers';

// HTTP APIs and Function URLs frame the answer with their own length.
const RULES: HeaderRules = { dropped: new Set(['content-length']) };

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
    const headers: HeaderMap = new Map();
    addSingleValueHeaders(headers, result.headers, RULES);
    // Each cookie becomes a Set-Cookie header of its own, after any the headers named.
    addCookies(headers, result.cookies, 'set-cookie', RULES);
    return {
      ok: true,
      answer: { statusCode: readStatusCode(result.statusCode), headers, body: readBody(result.body, result.isBase64Encoded) },
    };
  } catch (error) {
    return { ok: false, reason: `Malformed Lambda proxy response: ${(error as Error).message}` };
  }
}
