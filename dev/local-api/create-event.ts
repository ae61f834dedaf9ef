import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { decodePath, decodeQueryComponent } from './decode-component';
import { isBinaryMediaType } from './match-media-type';
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

function parseQuery(query: string): MultiMap {
  const parameters: MultiMap = {};
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const key = decodeQueryComponent(equals < 0 ? pair : pair.slice(0, equals));
    (parameters[key] ??= []).push(equals < 0 ? '' : decodeQueryComponent(pair.slice(equals + 1)));
  }
  return parameters;
}

/** The single-value map keeps the last value of each name, as API Gateway's does. */
function lastValues(map: MultiMap): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([key, values]) => [key, values.at(-1) ?? '']));
}

const orNull = <T extends object>(map: T): T | null => (Object.keys(map).length === 0 ? null : map);

// `25/Nov/2026:08:30:00 +0000`, the CLF time API Gateway puts in requestTime.
function formatRequestTime(date: Date): string {
  const [, day, month, year, time] = date.toUTCString().split(' ');
  return `${day}/${month}/${year}:${time} +0000`;
}

/** The REST API (payload 1.0) proxy event API Gateway would send for this request and route. */
export function createEvent(request: ReceivedRequest, match: RouteMatch): APIGatewayProxyEvent {
  const { route, pathParameters } = match;
  const queryAt = request.url.indexOf('?');
  const path = decodePath(queryAt < 0 ? request.url : request.url.slice(0, queryAt));
  const query = parseQuery(queryAt < 0 ? '' : request.url.slice(queryAt + 1));
  const headers = collectHeaders(request.rawHeaders);
  addGatewayHeaders(headers, request);
  const host = findHeader(headers, 'host') ?? 'localhost';
  const binary = isBinaryMediaType(findHeader(headers, 'content-type'), route.api.binaryMediaTypes);
  const hasBody = request.body.length > 0;

  return {
    resource: route.path,
    path,
    httpMethod: request.method,
    headers: lastValues(headers),
    multiValueHeaders: headers,
    queryStringParameters: orNull(lastValues(query)),
    multiValueQueryStringParameters: orNull(query),
    pathParameters,
    stageVariables: route.api.stageVariables,
    requestContext: {
      resourceId: randomBytes(3).toString('hex'),
      resourcePath: route.path,
      httpMethod: request.method,
      extendedRequestId: randomBytes(10).toString('base64'),
      requestTime: formatRequestTime(request.receivedAt),
      path: `/${route.api.stageName}${path}`,
      accountId: '000000000000',
      protocol: 'HTTP/1.1',
      stage: route.api.stageName,
      domainPrefix: host.split('.')[0] ?? host,
      requestTimeEpoch: request.receivedAt.getTime(),
      requestId: request.requestId,
      identity: {
        sourceIp: request.sourceIp,
        userAgent: findHeader(headers, 'user-agent') ?? null,
        cognitoIdentityPoolId: null,
        accountId: null,
        cognitoIdentityId: null,
        caller: null,
        accessKey: null,
        apiKey: null,
        apiKeyId: null,
        clientCert: null,
        cognitoAuthenticationType: null,
        cognitoAuthenticationProvider: null,
        principalOrgId: null,
        userArn: null,
        user: null,
      },
      domainName: host,
      apiId: route.api.logicalId.toLowerCase().slice(0, 10),
    } as APIGatewayProxyEvent['requestContext'],
    body: hasBody ? request.body.toString(binary ? 'base64' : 'utf8') : null,
    isBase64Encoded: hasBody && binary,
  };
}
