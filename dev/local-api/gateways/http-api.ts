import { randomBytes } from 'node:crypto';
import { payloadV2Event } from '../../sam-model/events/payload-v2-event';
import { httpApiV1Event } from '../../sam-model/events/rest-v1-event';
import { isTextMediaType } from '../../sam-model/media-type';
import { DEFAULT_ROUTE, DEFAULT_STAGE, type HttpApiStage, type TemplateHttpRoute } from '../../sam-model/read-http-apis';
import { decodePath } from '../decode-component';
import type { Limits } from '../limits';
import { compileHttpRoutes, type HttpRouteMatch } from '../match-http-route';
import { readV1Result } from '../read-lambda-result';
import { readV2Result } from '../read-v2-result';
import { splitTarget, type ReceivedRequest } from '../received-request';
import { requestSpecOf } from './request-spec';
import { messageAnswer, withHeaders, type Gateway, type GatewayFailure, type GatewayRoute } from './gateway';

// HTTP API's own answers. Documented: 404 for no route. Observed and widely reported: 500 for a
// failed function, 503 when the integration times out. The others keep the same JSON shape.
const HTTP_API_ERRORS: Record<GatewayFailure, [number, string]> = {
  'no-route': [404, 'Not Found'],
  'uri-too-long': [414, 'Request-URI Too Long'],
  'headers-too-large': [431, 'Request Header Fields Too Large'],
  'too-large': [413, 'Request Entity Too Large'],
  'function-error': [500, 'Internal Server Error'],
  'timed-out': [503, 'Service Unavailable'],
};

const apiIdOf = (api: HttpApiStage): string => api.logicalId.toLowerCase().slice(0, 10);

function createHttpApiEvent(request: ReceivedRequest, match: HttpRouteMatch, path: string): unknown {
  const { route, pathParameters } = match;
  const { api } = route;
  const routeKey = route.path === DEFAULT_ROUTE ? DEFAULT_ROUTE : `${route.method} ${route.path}`;
  // HTTP APIs hand the function the path decoded, rawPath included.
  const decoded = decodePath(path);
  if (route.payloadFormatVersion === '1.0') {
    const spec = requestSpecOf(request, {
      path: decoded,
      stage: api.stageName,
      isBinary: (type) => !isTextMediaType(type),
      cookiesApart: false,
    });
    return httpApiV1Event(spec, {
      resource: route.path,
      pathParameters,
      stageVariables: api.stageVariables,
      apiId: apiIdOf(api),
      resourceId: randomBytes(3).toString('hex'),
      extendedRequestId: randomBytes(10).toString('base64'),
      host: 'localhost',
      clientDefaults: false,
    });
  }
  const spec = requestSpecOf(request, {
    path: decoded,
    stage: api.stageName,
    isBinary: (type) => !isTextMediaType(type),
    cookiesApart: true,
  });
  const apiId = apiIdOf(api);
  return payloadV2Event(
    spec,
    { host: `${apiId}.execute-api.xx-local-1.amazonaws.com`, apiId, routeKey, namedStages: true },
    { routeKey, pathParameters, stageVariables: api.stageVariables, rawQueryString: splitTarget(request.url).query, clientDefaults: false },
  );
}

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
    refuse(failure) {
      const [statusCode, message] = HTTP_API_ERRORS[failure];
      return messageAnswer(statusCode, message);
    },
    finish: (answer, requestId) => withHeaders(answer, [['apigw-requestid', requestId]]),
  };
  return gateway;
}
