import { isRecord } from '../sam-model/is-record';
import { firstAcceptedType, isBinaryMediaType } from './media-type';
import { addMultiValueHeaders, addSingleValueHeaders, MalformedResult, type HeaderMap, type HeaderRules } from './read-result-headers';

/** An HTTP response ready to send: the status, each header's values in order, the body's bytes. */
export interface HttpAnswer {
  statusCode: number;
  headers: HeaderMap;
  body: Buffer;
}

export type ReadOutcome = { ok: true; answer: HttpAnswer } | { ok: false; reason: string };

const RESULT_KEYS = new Set(['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded']);
// API Gateway frames the answer with its own length; the headers it renames or drops are
// remap-response-headers.ts's business.
const MULTI_VALUE: HeaderRules = { dropped: new Set(['content-length']) };
// API Gateway merges both maps; a name and value given in both arrive once.
const SINGLE_VALUE: HeaderRules = { ...MULTI_VALUE, once: true };

/** A status code a gateway can answer with; `given` is what the function wrote, for the reason. */
export function checkStatusCode(code: unknown, given: unknown = code): number {
  if (typeof code !== 'number' || !Number.isInteger(code) || code < 100 || code > 599) {
    throw new MalformedResult(`statusCode ${JSON.stringify(given)} is not an HTTP status code`);
  }
  return code;
}

/** A result's statusCode: API Gateway also takes it as three digits in a string. */
export function readStatusCode(value: unknown): number {
  return checkStatusCode(typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : value, value);
}

function readHeaders(result: Record<string, unknown>): HeaderMap {
  const headers: HeaderMap = new Map();
  // multiValueHeaders first: a name in both keeps its list's order, then the single value if new.
  addMultiValueHeaders(headers, result.multiValueHeaders, MULTI_VALUE);
  addSingleValueHeaders(headers, result.headers, SINGLE_VALUE);
  // API Gateway's default when the function names no content type.
  if (![...headers.keys()].some((name) => name.toLowerCase() === 'content-type')) headers.set('Content-Type', ['application/json']);
  return headers;
}

function readBody(result: Record<string, unknown>, decodeBase64: boolean): Buffer {
  const { body, isBase64Encoded } = result;
  if (isBase64Encoded !== undefined && isBase64Encoded !== null && typeof isBase64Encoded !== 'boolean') {
    throw new MalformedResult('isBase64Encoded is not a boolean');
  }
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body !== 'string') throw new MalformedResult('body is not a string');
  return Buffer.from(body, isBase64Encoded === true && decodeBase64 ? 'base64' : 'utf8');
}

/**
 * Reads a payload 1.0 result: an object with only statusCode, headers, multiValueHeaders, body
 * and isBase64Encoded; a base64 body becomes bytes when `decodeBase64`. Anything malformed
 * gives the reason for the gateway's error answer.
 */
export function readV1Result(payload: string, decodeBase64: boolean): ReadOutcome {
  try {
    const result: unknown = JSON.parse(payload);
    if (!isRecord(result))
      throw new MalformedResult(
        `the result is ${result === null ? 'null' : Array.isArray(result) ? 'an array' : typeof result}, not an object`,
      );
    const unknownKeys = Object.keys(result).filter((key) => !RESULT_KEYS.has(key));
    if (unknownKeys.length > 0) throw new MalformedResult(`unknown keys ${unknownKeys.join(', ')}`);
    return {
      ok: true,
      answer: { statusCode: readStatusCode(result.statusCode), headers: readHeaders(result), body: readBody(result, decodeBase64) },
    };
  } catch (error) {
    return { ok: false, reason: `Malformed Lambda proxy response: ${(error as Error).message}` };
  }
}

/**
 * Reads a function's result as a REST API's Lambda proxy integration does: a base64 body becomes
 * bytes when the client's first Accept type is one of the API's BinaryMediaTypes; otherwise API
 * Gateway passes the base64 text on.
 */
export function readLambdaResult(payload: string, accept: string | undefined, binaryMediaTypes: readonly string[]): ReadOutcome {
  return readV1Result(payload, isBinaryMediaType(firstAcceptedType(accept), binaryMediaTypes));
}
