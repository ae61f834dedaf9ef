import type { APIGatewayProxyEvent } from 'aws-lambda';
import { restV1Event } from '../../sample-events/rest-v1-event';
import type { ApiStage } from '../../sam-model/read-template';
import { decodePath } from '../decode-component';
import { isBinaryMediaType } from '../media-type';
import { splitTarget, type ReceivedRequest } from '../received-request';
import { localV1Route, requestSpecOf } from '../request-spec';
import type { RouteMatch } from './match-rest-route';

/** The id a local REST API goes by in its events and ARNs: its logical id, as API Gateway's ids look. */
export const restApiIdOf = (api: ApiStage): string => api.logicalId.toLowerCase().slice(0, 10);

/**
 * The REST API (payload 1.0) proxy event API Gateway would send for this request and route;
 * with `authorizer`, what a Lambda authorizer let through is its `requestContext.authorizer`.
 */
export function createRestEvent(request: ReceivedRequest, match: RouteMatch, authorizer?: Record<string, unknown>): APIGatewayProxyEvent {
  const { api, pathParameters } = match;
  const spec = requestSpecOf(request, {
    path: decodePath(splitTarget(request.url).path),
    stage: api.stageName,
    isBinary: (type) => isBinaryMediaType(type, api.binaryMediaTypes),
    cookiesApart: false,
  });
  const event = restV1Event(
    spec,
    localV1Route({ resource: match.resourcePath, pathParameters, stageVariables: api.stageVariables, apiId: restApiIdOf(api) }),
  );
  if (!authorizer) return event;
  return { ...event, requestContext: { ...event.requestContext, authorizer } } as APIGatewayProxyEvent;
}
