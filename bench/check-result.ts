import { essenceOf } from '../shared/media-type';
import type { DirectResponse } from './floors/direct-handler';
import type { Expected } from './scenarios';

/** Why an answer is wrong, or undefined when API Gateway would deliver what the app meant. */
export type Verdict = string | undefined;

function isDirectResponse(result: unknown): result is DirectResponse {
  return typeof result === 'object' && result !== null && Array.isArray((result as DirectResponse).written);
}

function checkBody(body: Buffer, mediaType: string, expected: Expected): Verdict {
  if (mediaType !== expected.mediaType) return `content-type is ${mediaType || 'missing'}, not ${expected.mediaType}`;
  if (expected.bytes && !body.equals(expected.bytes))
    return `body differs from what the app sent (${body.length} bytes, not ${expected.bytes.length})`;
  return expected.checkBody?.(body);
}

/** The floor's raw bytes: the head Node wrote, then the body. */
function checkDirectResponse(result: DirectResponse, expected: Expected): Verdict {
  if (result.statusCode !== expected.statusCode) return `status ${result.statusCode}`;
  const written = Buffer.concat(result.written);
  const body = written.subarray(Buffer.byteLength(result.head, 'latin1'));
  const contentType = /\r\ncontent-type:\s*([^\r]*)\r\n/i.exec(result.head)?.[1];
  if (/\r\ntransfer-encoding:\s*chunked/i.test(result.head)) return 'chunked body';
  return checkBody(body, essenceOf(contentType), expected);
}

/**
 * Judges a Lambda proxy result the way API Gateway reads it: a numeric status, header values
 * that are strings (API Gateway rejects numbers in HTTP APIs and REST multi-value maps), a
 * string body, decoded from base64 only when `isBase64Encoded` says so.
 */
export function checkResult(result: unknown, expected: Expected): Verdict {
  if (isDirectResponse(result)) return checkDirectResponse(result, expected);
  if (typeof result !== 'object' || result === null) return 'the result is not an object';
  const { statusCode, headers, multiValueHeaders, body, isBase64Encoded } = result as Record<string, unknown>;
  if (statusCode !== expected.statusCode) return `status ${String(statusCode)} (${typeof statusCode})`;

  let contentType: string | undefined;
  if (headers !== undefined) {
    if (typeof headers !== 'object' || headers === null) return 'headers is not an object';
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value !== 'string') return `header ${name} is a ${typeof value}, not a string`;
      if (name.toLowerCase() === 'content-type') contentType = value;
    }
  }
  if (multiValueHeaders !== undefined) {
    if (typeof multiValueHeaders !== 'object' || multiValueHeaders === null) return 'multiValueHeaders is not an object';
    for (const [name, values] of Object.entries(multiValueHeaders)) {
      if (!Array.isArray(values) || values.some((value) => typeof value !== 'string'))
        return `multi-value header ${name} holds a non-string`;
      if (name.toLowerCase() === 'content-type') contentType ??= values[0];
    }
  }

  if (typeof body !== 'string') return 'body is missing';
  let bytes: Buffer;
  if (isBase64Encoded === true) {
    bytes = Buffer.from(body, 'base64');
    if (bytes.toString('base64') !== body) return 'body is not canonical base64';
  } else {
    bytes = Buffer.from(body, 'utf8');
  }
  return checkBody(bytes, essenceOf(contentType), expected);
}
