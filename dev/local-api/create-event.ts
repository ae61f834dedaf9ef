import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { decodePath, decodeQueryComponent } from './decode-component';
import { restV1Event } from '../sam-model/events/rest-v1-event';
import type { RequestSpec } from '../sam-model/events/sample-request';
import { isBinaryMediaType } from '../sam-model/media-type';
import type { RouteMatch } from './match-route';

/** What the local server knows of one HTTP request. */
export interface ReceivedRequest {
  method: string;
  /** The request target as sent: `/express/ping?a=1`. */
  url: string;
  /** Name, value, name, value, ... with the client's spelling and order. */
  rawHeaders: string[];
  body: Buffer;
  sourceIp: string;
  localPort: number;
  requestId: string;
  receivedAt: Date;
}

type MultiMap = Record<string, string[]>;

function collectHeaders(rawHeaders: string[]): MultiMap {
  const headers: MultiMap = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string;
    (headers[name] ??= []).push(rawHeaders[i + 1] as string);
  }
  return headers;
}

function findHeader(headers: MultiMap, name: string): string | undefined {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key]?.at(-1);
}

function setDefault(headers: MultiMap, name: string, value: string): void {
  if (findHeader(headers, name.toLowerCase()) === undefined) headers[name] = [value];
}

/** Headers API Gateway adds before the function sees the request. */
function addGatewayHeaders(headers: MultiMap, request: ReceivedRequest): void {
  const forwardedFor = Object.keys(headers).find((name) => name.toLowerCase() === 'x-forwarded-for');
  if (forwardedFor) headers[forwardedFor] = [`${headers[forwardedFor]?.at(-1)}, ${request.sourceIp}`];
  else headers['X-Forwarded-For'] = [request.sourceIp];
  setDefault(headers, 'X-Forwarded-Port', String(request.localPort));
  setDefault(headers, 'X-Forwarded-Proto', 'http');
  const epochHex = Math.floor(request.receivedAt.getTime() / 1000).toString(16);
  setDefault(headers, 'X-Amzn-Trace-Id', `Root=1-${epochHex}-${randomBytes(12).toString('hex')}`);
}

function parseQuery(query: string): [string, string][] {
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return [
        decodeQueryComponent(equals < 0 ? pair : pair.slice(0, equals)),
        equals < 0 ? '' : decodeQueryComponent(pair.slice(equals + 1)),
      ];
    });
}

/** The REST API (payload 1.0) proxy event API Gateway would send for this request and route. */
export function createEvent(request: ReceivedRequest, match: RouteMatch): APIGatewayProxyEvent {
  const { route, pathParameters } = match;
  const queryAt = request.url.indexOf('?');
  const headers = collectHeaders(request.rawHeaders);
  addGatewayHeaders(headers, request);
  const binary = isBinaryMediaType(findHeader(headers, 'content-type'), route.api.binaryMediaTypes);
  const hasBody = request.body.length > 0;
  const spec: RequestSpec = {
    method: request.method,
    path: decodePath(queryAt < 0 ? request.url : request.url.slice(0, queryAt)),
    query: parseQuery(queryAt < 0 ? '' : request.url.slice(queryAt + 1)),
    headers: Object.entries(headers).flatMap(([name, values]) => values.map((value): [string, string] => [name, value])),
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
