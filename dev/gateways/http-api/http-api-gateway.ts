import type { Limits } from '../limits';
import { readV1Result, type ReadOutcome } from '../read-lambda-result';
import { readV2Result } from '../read-v2-result';
import { DEFAULT_STAGE, type HttpApiStage, type TemplateHttpRoute } from '../../sam-model/read-http-apis';
import { withHeaders, type Gateway, type GatewayRoute } from '../gateway';
import { httpApiAnswer } from './http-api-answers';
import { createHttpApiEvent } from './create-http-api-event';
import { compileHttpRoutes } from './match-http-route';
import { authorizeHttpRequest } from './authorize-http-request';
import type { AuthorizerSetup } from '../authorizers/authorization';
import { addHttpCorsHeaders, answerHttpPreflight, isPreflight } from '../cors/apply-http-cors';

/**
 * The HTTP APIs (`HttpApi` events) of a template on one local port. A named stage is the first
 * segment of the URL, as in the cloud; `$default` stages take the rest. Routes, events (payload
 * 2.0 or 1.0), authorizers, CORS, results and the gateway's own answers are HTTP API's;
 * `authorizers` undefined: `--disable-authorizer`.
 */
export function createHttpApiGateway(
  routes: readonly TemplateHttpRoute[],
  limits: Pick<Limits, 'httpApiTimeoutMs'>,
  authorizers?: AuthorizerSetup,
): Gateway {
  const stages = new Map<string, TemplateHttpRoute[]>();
  for (const route of routes) stages.set(route.api.stageName, [...(stages.get(route.api.stageName) ?? []), route]);
  const matchers = new Map(
    [...stages].map(([stage, stageRoutes]) => [stage, { match: compileHttpRoutes(stageRoutes), api: stageRoutes[0]?.api as HttpApiStage }]),
  );

  // A request goes to the stage its first segment names, else to the `$default` stage.
  const stageOf = (rawPath: string) => {
    const first = /^\/([^/]+)(\/.*)?$/.exec(rawPath);
    const named = first?.[1] !== undefined && first[1] !== DEFAULT_STAGE ? matchers.get(first[1]) : undefined;
    return named ? { stage: named, path: first?.[2] ?? '/' } : { stage: matchers.get(DEFAULT_STAGE), path: rawPath };
  };

  const gateway: Gateway = {
    kind: 'HTTP API',
    route(method, rawPath, headers) {
      const { stage, path } = stageOf(rawPath);
      const cors = stage?.api.cors;
      // With CorsConfiguration, API Gateway answers preflights itself, before routes and authorizers.
      if (cors && isPreflight(method, headers ?? {}))
        return {
          gateway,
          functionId: undefined,
          invokeMode: 'BUFFERED',
          timeoutMs: undefined,
          answer: () => answerHttpPreflight(cors, headers ?? {}),
          createEvent: () => undefined,
          readResult: () => ({ ok: false, reason: 'a preflight has no function' }),
        };
      const match = stage?.match(method, path);
      if (!match) return undefined;
      const timeoutMs = Math.min(match.route.timeoutMs ?? limits.httpApiTimeoutMs, limits.httpApiTimeoutMs);
      const { authorizer } = match.route;
      const read = (payload: string): ReadOutcome =>
        match.route.payloadFormatVersion === '1.0' ? readV1Result(payload, true) : readV2Result(payload);
      const route: GatewayRoute = {
        gateway,
        functionId: match.route.functionId,
        invokeMode: 'BUFFERED',
        timeoutMs,
        ...(authorizer && authorizers ? { authorize: authorizeHttpRequest(authorizer, match, path, authorizers) } : {}),
        createEvent: (request, lambdaAuthorizer) => createHttpApiEvent(request, match, path, lambdaAuthorizer),
        readResult(payload, requestHeaders) {
          const result = read(payload);
          return result.ok && cors ? { ok: true, answer: addHttpCorsHeaders(result.answer, cors, requestHeaders) } : result;
        },
      };
      return route;
    },
    owns: (rawPath) => stageOf(rawPath).stage !== undefined,
    refuse: (failure) => httpApiAnswer(failure),
    finish: (answer, requestId) => withHeaders(answer, [['apigw-requestid', requestId]]),
  };
  return gateway;
}
