import { randomBytes } from 'node:crypto';
import type { TemplateRoute } from '../../sam-model/read-template';
import { restApiAnswer } from './rest-api-answers';
import { createRestEvent } from './create-rest-event';
import type { Limits } from '../limits';
import { compileRoutes } from './match-rest-route';
import { readLambdaResult } from '../read-lambda-result';
import { remapResponseHeaders } from './remap-response-headers';
import { withHeaders, type Gateway, type GatewayRoute } from '../gateway';
import type { AuthorizerSetup } from '../authorizers/authorization';
import { authorizeRestRequest } from './authorize-rest-request';
import { answerRestPreflight } from '../cors/answer-rest-preflight';

/**
 * The REST APIs (`Api` events) of a template, answering as API Gateway's REST APIs do; with
 * `authorizers`, each route's authorizer runs first (undefined: `--disable-authorizer`).
 */
export function createRestApiGateway(
  routes: TemplateRoute[],
  limits: Pick<Limits, 'integrationTimeoutMs'>,
  authorizers: AuthorizerSetup | undefined,
): Gateway {
  const matchRoute = compileRoutes(routes);
  const gateway: Gateway = {
    kind: 'REST API',
    route(method, rawPath) {
      const match = matchRoute(method, rawPath);
      if (!match) return undefined;
      const { route, api } = match;
      const authorizer = route ? route.authorizer : api.preflightAuthorizer;
      const common: Pick<GatewayRoute, 'gateway' | 'timeoutMs' | 'authorize'> = {
        gateway,
        timeoutMs: limits.integrationTimeoutMs,
        ...(authorizer && authorizers ? { authorize: authorizeRestRequest(authorizer, match, authorizers) } : {}),
      };
      if (!route) {
        const cors = api.cors;
        if (!cors) return undefined;
        return {
          ...common,
          functionId: undefined,
          invokeMode: 'BUFFERED',
          answer: () => answerRestPreflight(cors, match.methods),
          createEvent: (request) => createRestEvent(request, match),
          readResult: () => ({ ok: false, reason: 'a preflight has no function' }),
        };
      }
      return {
        ...common,
        functionId: route.functionId,
        // A STREAM integration (ResponseTransferMode: RESPONSE_STREAM) reads a prelude from every stream.
        invokeMode: route.responseStreaming ? 'RESPONSE_STREAM' : 'BUFFERED',
        streamReading: { preludeAlways: true, remapHeaders: remapResponseHeaders },
        createEvent: (request, authorizer) => createRestEvent(request, match, authorizer),
        readResult(payload, requestHeaders) {
          const result = readLambdaResult(payload, requestHeaders.accept, api.binaryMediaTypes);
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
