import type { GatewayFailure } from '../gateway';
import type { HttpAnswer } from '../read-lambda-result';

function textAnswer(statusCode: number, text: string, contentType = 'application/json'): HttpAnswer {
  return { statusCode, headers: new Map([['Content-Type', [contentType]]]), body: Buffer.from(text) };
}

// A failed function answers 502 `Internal Server Error` (not JSON, though labelled so), as users
// of Function URLs report it; the Lambda guide documents the happy path only. There is no route
// to miss and no gateway timeout: the function's own Timeout ends it, which is a failure too.
const FUNCTION_URL_ANSWERS: Record<GatewayFailure, HttpAnswer> = {
  'no-route': textAnswer(404, 'Not Found'),
  'uri-too-long': textAnswer(414, 'Request-URI Too Long'),
  'headers-too-large': textAnswer(431, 'Request Header Fields Too Large'),
  'too-large': textAnswer(413, 'Request Entity Too Large'),
  'function-error': textAnswer(502, 'Internal Server Error'),
  'timed-out': textAnswer(502, 'Internal Server Error'),
};

/** What a Function URL answers on its own, without (or despite) the function. */
export function functionUrlAnswer(failure: GatewayFailure): HttpAnswer {
  return FUNCTION_URL_ANSWERS[failure];
}
