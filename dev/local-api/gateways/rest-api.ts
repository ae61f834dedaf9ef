import { randomBytes } from 'node:crypto';
import type { TemplateRoute } from '../../sam-model/read-template';
import { gatewayAnswer, type GatewayError } from '../answer-like-api-gateway';
import { createEvent } from '../create-event';
import type { Limits } from '../limits';
import { compileRoutes } from '../match-route';
import { readLambdaResult } from '../read-lambda-result';
import { remapResponseHeaders } from '../remap-response-headers';
import { withHeaders, type Gateway, type GatewayFailure } from './gateway';

const REST_ERRORS: Record<GatewayFailure, GatewayError> = {
  'no-route': 'missing-token',
  'uri-too-long': 'uri-too-long',
  'headers-too-large': 'headers-too-large',
  'too-large': 'too-large',
  'function-error': 'internal-error',
  'timed-out': 'timed-out',
};

/** The REST APIs (`Api` events) of a template, answering as API Gateway's REST APIs do. */
export function createRestApiGateway(routes: TemplateRoute[], limits: Pick<Limits, 'integrationTimeoutMs'>): Gateway {
  const matchRoute = compileRoutes(routes);
  const gateway: Gateway = {
    kind: 'REST API',
    route(method, rawPath) {
      const match = matchRoute(method, rawPath);
      if (!match) return undefined;
      return {
        gateway,
        functionId: match.route.functionId,
        // A STREAM integration (ResponseTransferMode: RESPONSE_STREAM) reads a prelude from every stream.
        invokeMode: match.route.responseStreaming ? 'RESPONSE_STREAM' : 'BUFFERED',
        streamReading: { preludeAlways: true, remapHeaders: remapResponseHeaders },
        timeoutMs: limits.integrationTimeoutMs,
        createEvent: (request) => createEvent(request, match),
        readResult(payload, requestHeaders) {
          const result = readLambdaResult(payload, requestHeaders.accept, match.route.api.binaryMediaTypes);
          return result.ok ? { ok: true, answer: { ...result.answer, headers: remapResponseHeaders(result.answer.headers) } } : result;
        },
      };
    },
    // A REST API answers any path it has no route for, on its whole host.
    owns: () => routes.length > 0,
    refuse: (failure) => gatewayAnswer(REST_ERRORS[failure]),
    finish: (answer, requestId) =>
      withHeaders(answer, [
        ['x-amzn-RequestId', requestId],
        ['x-amz-apigw-id', randomBytes(6).toString('base64')],
      ]),
  };
  return gateway;
}
