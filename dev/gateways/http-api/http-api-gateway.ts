import type { Limits } from '../limits';
import { readV1Result } from '../read-lambda-result';
import { readV2Result } from '../read-v2-result';
import { DEFAULT_STAGE, type TemplateHttpRoute } from '../../sam-model/read-http-apis';
import { withHeaders, type Gateway, type GatewayRoute } from '../gateway';
import { httpApiAnswer } from './http-api-answers';
import { createHttpApiEvent } from './create-http-api-event';
import { compileHttpRoutes } from './match-http-route';
/**
 * The HTTP APIs (`HttpApi` events) of a template on one local port. A named stage is the first
 * segment of the URL, as in the cloud; `$default` stages take the rest. Routes, events (payload
 * 2.0 or 1.0), results and the gateway's own answers are HTTP API's.
 */
export function createHttpApiGateway(routes: readonly TemplateHttpRoute[], limits: Pick<Limits, 'httpApiTimeoutMs'>): Gateway {
  const stages = new Map<string, TemplateHttpRoute[]>();
  for (const route of routes) stages.set(route.api.stageName, [...(stages.get(route.api.stageName) ?? []), route]);
  const matchers = new Map([...stages].map(([stage, stageRoutes]) => [stage, compileHttpRoutes(stageRoutes)]));

  // A request goes to the stage its first segment names, else to the `$default` stage.
  const stageOf = (rawPath: string) => {
    const first = /^\/([^/]+)(\/.*)?$/.exec(rawPath);
    const named = first?.[1] !== undefined && first[1] !== DEFAULT_STAGE ? matchers.get(first[1]) : undefined;
    return named ? { matcher: named, path: first?.[2] ?? '/' } : { matcher: matchers.get(DEFAULT_STAGE), path: rawPath };
  };

  const gateway: Gateway = {
    kind: 'HTTP API',
    route(method, rawPath) {
      const { matcher, path } = stageOf(rawPath);
      const match = matcher?.(method, path);
      if (!match) return undefined;
      const timeoutMs = Math.min(match.route.timeoutMs ?? limits.httpApiTimeoutMs, limits.httpApiTimeoutMs);
      const route: GatewayRoute = {
        gateway,
        functionId: match.route.functionId,
        invokeMode: 'BUFFERED',
        timeoutMs,
        createEvent: (request) => createHttpApiEvent(request, match, path),
        readResult: (payload) => (match.route.payloadFormatVersion === '1.0' ? readV1Result(payload, true) : readV2Result(payload)),
      };
      return route;
    },
    owns: (rawPath) => stageOf(rawPath).matcher !== undefined,
    refuse: (failure) => httpApiAnswer(failure),
    finish: (answer, requestId) => withHeaders(answer, [['apigw-requestid', requestId]]),
  };
  return gateway;
}
