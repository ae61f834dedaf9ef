import { randomBytes } from 'node:crypto';
import type { TemplateRoute } from '../../sam-model/read-template';
import { restApiAnswer } from './rest-api-answers';
import { createRestEvent } from './create-rest-event';
import type { Limits } from '../limits';
import { compileRoutes } from './match-rest-route';
import { readLambdaResult } from '../read-lambda-result';
import { remapResponseHeaders } from './remap-response-headers';
import { withHeaders, type Gateway } from '../gateway';

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
        createEvent: (request) => createRestEvent(request, match),
        readResult(payload, requestHeaders) {
          const result = readLambdaResult(payload, requestHeaders.accept, match.route.api.binaryMediaTypes);
          return result.ok ? { ok: true, answer: { ...result.answer, headers: remapResponseHeaders(result.answer.headers) } } : result;
        },
      };
    },
    // A REST API answers any path it has no route for, on its whole host.
    owns: () => routes.length > 0,
    refuse: (failure) => restApiAnswer(failure),
    finish: (answer, requestId) =>
      withHeaders(answer, [
        ['x-amzn-RequestId', requestId],
        ['x-amz-apigw-id', randomBytes(6).toString('base64')],
      ]),
  };
  return gateway;
}
