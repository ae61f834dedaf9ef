import type { AuthorizerAnswers } from '../authorizers/authorization';
import { messageAnswer, type GatewayFailure } from '../gateway';
import type { HttpAnswer } from '../read-lambda-result';

// HTTP API's own answers. Documented: 404 for no route. Observed and widely reported: 500 for a
// failed function, 503 when the integration times out. The others keep the same JSON shape.
const HTTP_API_ANSWERS: Record<GatewayFailure, [number, string]> = {
  'no-route': [404, 'Not Found'],
  'uri-too-long': [414, 'Request-URI Too Long'],
  'headers-too-large': [431, 'Request Header Fields Too Large'],
  'too-large': [413, 'Request Entity Too Large'],
  'function-error': [500, 'Internal Server Error'],
  'timed-out': [503, 'Service Unavailable'],
};

/** What an HTTP API answers on its own, without (or despite) the function. */
export function httpApiAnswer(failure: GatewayFailure): HttpAnswer {
  const [statusCode, message] = HTTP_API_ANSWERS[failure];
  return messageAnswer(statusCode, message);
}

/** An HTTP API's answers when its Lambda authorizer stops a request: 401 unasked, 403 denied, 500 failed. */
export const HTTP_AUTHORIZER_ANSWERS: AuthorizerAnswers = {
  unauthorized: messageAnswer(401, 'Unauthorized'),
  forbidden: () => messageAnswer(403, 'Forbidden'),
  failed: messageAnswer(500, 'Internal Server Error'),
};
