import type { AuthorizerAnswers } from '../authorizers/authorization';
import type { GatewayFailure } from '../gateway';
import type { HttpAnswer } from '../read-lambda-result';

const REST_API_ANSWERS: Record<GatewayFailure, { statusCode: number; message: string; errorType?: string }> = {
  // A REST API answers an unknown path or method as if the caller lacked credentials.
  'no-route': { statusCode: 403, message: 'Missing Authentication Token', errorType: 'MissingAuthenticationTokenException' },
  // The REST API quotas name 414 for a URL past its limit; the body is in API Gateway's usual shape.
  'uri-too-long': { statusCode: 414, message: 'Request URI too long' },
  // Undocumented: the status HTTP defines for headers too large (RFC 6585), in the same shape.
  'headers-too-large': { statusCode: 431, message: 'Request Header Fields Too Large' },
  'too-large': { statusCode: 413, message: 'Request Too Long', errorType: 'RequestTooLarge' },
  'function-error': { statusCode: 502, message: 'Internal server error', errorType: 'InternalServerErrorException' },
  'timed-out': { statusCode: 504, message: 'Endpoint request timed out', errorType: 'IntegrationTimeout' },
};

/** What a REST API answers on its own, without (or despite) the function. */
export function restApiAnswer(failure: GatewayFailure): HttpAnswer {
  const { statusCode, message, errorType } = REST_API_ANSWERS[failure];
  const headers = new Map([['Content-Type', ['application/json']]]);
  if (errorType) headers.set('x-amzn-ErrorType', [errorType]);
  return { statusCode, headers, body: Buffer.from(JSON.stringify({ message })) };
}

function answer(statusCode: number, body: unknown, errorType: string): HttpAnswer {
  return {
    statusCode,
    headers: new Map([
      ['Content-Type', ['application/json']],
      ['x-amzn-ErrorType', [errorType]],
    ]),
    body: Buffer.from(JSON.stringify(body)),
  };
}

/**
 * A REST API's default gateway responses when a Lambda authorizer stops a request: UNAUTHORIZED
 * (401), ACCESS_DENIED (403, whose default body says `Message` with a capital M) and
 * AUTHORIZER_CONFIGURATION_ERROR (500, `{"message": null}`) for an authorizer that fails, times
 * out or answers something API Gateway cannot read.
 */
export const REST_AUTHORIZER_ANSWERS: AuthorizerAnswers = {
  unauthorized: answer(401, { message: 'Unauthorized' }, 'UnauthorizedException'),
  forbidden: (explicit) =>
    answer(
      403,
      {
        Message: explicit
          ? 'User is not authorized to access this resource with an explicit deny'
          : 'User is not authorized to access this resource',
      },
      'AccessDeniedException',
    ),
  failed: answer(500, { message: null }, 'AuthorizerConfigurationException'),
};
