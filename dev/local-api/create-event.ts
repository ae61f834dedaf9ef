import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { decodePath } from './decode-component';
import { restV1Event } from '../sam-model/events/rest-v1-event';
import type { RequestSpec } from '../sam-model/events/sample-request';
import { isBinaryMediaType } from '../sam-model/media-type';
import type { RouteMatch } from './match-route';
import { findHeader, headerPairs, headersWithGatewayHeaders, parseQuery, splitTarget, type ReceivedRequest } from './received-request';

export type { ReceivedRequest } from './received-request';

/** The REST API (payload 1.0) proxy event API Gateway would send for this request and route. */
export function createEvent(request: ReceivedRequest, match: RouteMatch): APIGatewayProxyEvent {
  const { route, pathParameters } = match;
  const target = splitTarget(request.url);
  const headers = headersWithGatewayHeaders(request);
  const binary = isBinaryMediaType(findHeader(headers, 'content-type'), route.api.binaryMediaTypes);
  const hasBody = request.body.length > 0;
  const spec: RequestSpec = {
    method: request.method,
    path: decodePath(target.path),
    query: parseQuery(target.query),
    headers: headerPairs(headers),
    cookies: [],
    body: hasBody ? request.body : undefined,
    isBase64: hasBody && binary,
    stage: route.api.stageName,
    sourceIp: request.sourceIp,
    requestId: request.requestId,
    time: request.receivedAt,
  };
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
