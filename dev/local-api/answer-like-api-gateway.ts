import type { ServerResponse } from 'node:http';
import type { HttpAnswer } from './read-lambda-result';

/** The answers API Gateway gives on its own, without (or despite) the function. */
export type GatewayError = 'missing-token' | 'uri-too-long' | 'headers-too-large' | 'too-large' | 'internal-error' | 'timed-out';

const GATEWAY_ERRORS: Record<GatewayError, { statusCode: number; message: string; errorType?: string }> = {
  // A REST API answers an unknown path or method as if the caller lacked credentials.
  'missing-token': { statusCode: 403, message: 'Missing Authentication Token', errorType: 'MissingAuthenticationTokenException' },
  // The REST API quotas name 414 for a URL past its limit; the body is in API Gateway's usual shape.
  'uri-too-long': { statusCode: 414, message: 'Request URI too long' },
  // Undocumented: the status HTTP defines for headers too large (RFC 6585), in the same shape.
  'headers-too-large': { statusCode: 431, message: 'Request Header Fields Too Large' },
  'too-large': { statusCode: 413, message: 'Request Too Long', errorType: 'RequestTooLarge' },
  'internal-error': { statusCode: 502, message: 'Internal server error', errorType: 'InternalServerErrorException' },
  'timed-out': { statusCode: 504, message: 'Endpoint request timed out', errorType: 'IntegrationTimeout' },
};

export function gatewayAnswer(error: GatewayError): HttpAnswer {
  const { statusCode, message, errorType } = GATEWAY_ERRORS[error];
  const headers = new Map([['Content-Type', ['application/json']]]);
  if (errorType) headers.set('x-amzn-ErrorType', [errorType]);
  return { statusCode, headers, body: Buffer.from(JSON.stringify({ message })) };
}

/** Sends an answer as it is (its gateway has added its own headers), framed with its length. */
export function sendAnswer(response: ServerResponse, answer: HttpAnswer): void {
  for (const [name, values] of answer.headers) response.setHeader(name, values);
  response.setHeader('Content-Length', answer.body.length);
  response.writeHead(answer.statusCode);
  response.end(answer.body);
}
