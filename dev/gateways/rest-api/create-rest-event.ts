import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { restV1Event } from '../../sample-events/rest-v1-event';
import { decodePath } from '../decode-component';
import { isBinaryMediaType } from '../media-type';
import { splitTarget, type ReceivedRequest } from '../received-request';
import { requestSpecOf } from '../request-spec';
import type { RouteMatch } from './match-rest-route';

/** The REST API (payload 1.0) proxy event API Gateway would send for this request and route. */
export function createRestEvent(request: ReceivedRequest, match: RouteMatch): APIGatewayProxyEvent {
  const { route, pathParameters } = match;
  const spec = requestSpecOf(request, {
    path: decodePath(splitTarget(request.url).path),
    stage: route.api.stageName,
    isBinary: (type) => isBinaryMediaType(type, route.api.binaryMediaTypes),
    cookiesApart: false,
  });
  return restV1Event(spec, {
    resource: route.path,
    pathParameters,
    stageVariables: route.api.stageVariables,
    apiId: route.api.logicalId.toLowerCase().slice(0, 10),
    resourceId: randomBytes(3).toString('hex'),
    extendedRequestId: randomBytes(10).toString('base64'),
    host: 'localhost',
    clientDefaults: false,
  });
}
