import { payloadV2Event } from '../../sample-events/payload-v2-event';
import { httpApiV1Event } from '../../sample-events/rest-v1-event';
import type { APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda';
import { DEFAULT_ROUTE, type HttpApiStage, type PayloadFormatVersion } from '../../sam-model/read-http-apis';
import { decodePath } from '../decode-component';
import { isTextMediaType } from '../media-type';
import { splitTarget, type ReceivedRequest } from '../received-request';
import { localV1Route, requestSpecOf } from '../request-spec';
import type { HttpRouteMatch } from './match-http-route';

export const httpApiIdOf = (api: HttpApiStage): string => api.logicalId.toLowerCase().slice(0, 10);
const apiIdOf = httpApiIdOf;

/**
 * The event an HTTP API sends for this request and route: payload 2.0, or 1.0 where the route
 * asks for it (or `version` says: an authorizer's format is its own); with `authorizer`, what a
 * Lambda authorizer let through is its `requestContext.authorizer`.
 */
export function createHttpApiEvent(
  request: ReceivedRequest,
  match: HttpRouteMatch,
  path: string,
  authorizer?: Record<string, unknown>,
  version: PayloadFormatVersion = match.route.payloadFormatVersion,
): APIGatewayProxyEvent | APIGatewayProxyEventV2 {
  const event = createUnauthorizedEvent(request, match, path, version);
  return authorizer ? ({ ...event, requestContext: { ...event.requestContext, authorizer } } as typeof event) : event;
}

function createUnauthorizedEvent(
  request: ReceivedRequest,
  match: HttpRouteMatch,
  path: string,
  version: PayloadFormatVersion,
): APIGatewayProxyEvent | APIGatewayProxyEventV2 {
  const { route, pathParameters } = match;
  const { api } = route;
  const routeKey = route.path === DEFAULT_ROUTE ? DEFAULT_ROUTE : `${route.method} ${route.path}`;
  // HTTP APIs hand the function the path decoded, rawPath included.
  const decoded = decodePath(path);
  if (version === '1.0') {
    const spec = requestSpecOf(request, {
      path: decoded,
      stage: api.stageName,
      isBinary: (type) => !isTextMediaType(type),
      cookiesApart: false,
    });
    return httpApiV1Event(
      spec,
      localV1Route({ resource: route.path, pathParameters, stageVariables: api.stageVariables, apiId: apiIdOf(api) }),
    );
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
