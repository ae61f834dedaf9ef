import { makeEchoJson, makePng } from './apps/payloads';
import type { DirectRequest } from './floors/direct-handler';
import { UNIX_DATE_PATTERN } from '../functions/format-unix-date';

export type PayloadVersion = 'rest-v1' | 'http-v2';
export type ScenarioName = 'GET /ping' | 'POST /echo 1KB' | 'GET /image 100KB';

export const PAYLOAD_VERSIONS: readonly PayloadVersion[] = ['rest-v1', 'http-v2'];
export const SCENARIO_NAMES: readonly ScenarioName[] = ['GET /ping', 'POST /echo 1KB', 'GET /image 100KB'];

/** What a correct answer carries, whatever the subject. */
export interface Expected {
  readonly statusCode: number;
  readonly mediaType: string;
  /** Exact bytes; undefined where the body varies (ping's date) and `checkBody` decides. */
  readonly bytes?: Buffer;
  readonly checkBody?: (body: Buffer) => string | undefined;
}

export interface Scenario {
  readonly name: ScenarioName;
  readonly version: PayloadVersion;
  /** A fresh event each call: some adapters write into the event they are given. */
  readonly makeEvent: () => Record<string, unknown>;
  /** The same request in Node's terms, for the framework floor. */
  readonly direct: DirectRequest;
  readonly expected: Expected;
}

interface RequestSpec {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly contentType?: string;
  readonly body?: Buffer;
}

const HOST = 'abcdef1234.execute-api.xx-local-1.amazonaws.com';
const CLIENT_HEADERS: Readonly<Record<string, string>> = {
  Accept: 'application/json',
  'CloudFront-Forwarded-Proto': 'https',
  Host: HOST,
  'User-Agent': 'curl/8.5.0',
  'X-Amzn-Trace-Id': 'Root=1-6560a1b2-0123456789abcdef01234567',
  'X-Forwarded-For': '203.0.113.10',
  'X-Forwarded-Port': '443',
  'X-Forwarded-Proto': 'https',
};

function headersOf(spec: RequestSpec): Record<string, string> {
  const headers = { ...CLIENT_HEADERS };
  if (spec.contentType) headers['Content-Type'] = spec.contentType;
  if (spec.body) headers['Content-Length'] = String(spec.body.length);
  return headers;
}

/**
 * A REST API (payload 1.0) event as API Gateway sends it for a `/{proxy+}` resource at the
 * API's root. The template makes every media type binary, so REST bodies arrive base64.
 */
function restV1Event(spec: RequestSpec): Record<string, unknown> {
  const headers = headersOf(spec);
  const multiValueHeaders = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]]));
  return {
    resource: '/{proxy+}',
    path: spec.path,
    httpMethod: spec.method,
    headers,
    multiValueHeaders,
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: { proxy: spec.path.slice(1) },
    stageVariables: null,
    requestContext: {
      resourceId: 'a1b2c3',
      resourcePath: '/{proxy+}',
      httpMethod: spec.method,
      extendedRequestId: 'Pq1RsHkJoAMFm3g=',
      requestTime: '25/Nov/2026:08:30:00 +0000',
      path: `/dev${spec.path}`,
      protocol: 'HTTP/1.1',
      stage: 'dev',
      domainPrefix: 'abcdef1234',
      requestTimeEpoch: 1795595400000,
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      identity: { sourceIp: '203.0.113.10', userAgent: 'curl/8.5.0', accountId: null, caller: null, user: null, userArn: null },
      domainName: HOST,
      apiId: 'abcdef1234',
    },
    body: spec.body ? spec.body.toString('base64') : null,
    isBase64Encoded: spec.body !== undefined,
  };
}

/** An HTTP API (payload 2.0) event on the `$default` stage; JSON bodies arrive as text. */
function httpV2Event(spec: RequestSpec): Record<string, unknown> {
  const headers = Object.fromEntries(Object.entries(headersOf(spec)).map(([name, value]) => [name.toLowerCase(), value]));
  const event: Record<string, unknown> = {
    version: '2.0',
    routeKey: '$default',
    rawPath: spec.path,
    rawQueryString: '',
    headers,
    requestContext: {
      accountId: '000000000000',
      apiId: 'abcdef1234',
      domainName: HOST,
      domainPrefix: 'abcdef1234',
      http: { method: spec.method, path: spec.path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: 'curl/8.5.0' },
      requestId: 'JKJaXmPLvHcESHA=',
      routeKey: '$default',
      stage: '$default',
      time: '25/Nov/2026:08:30:00 +0000',
      timeEpoch: 1795595400000,
    },
    isBase64Encoded: false,
  };
  if (spec.body) event['body'] = spec.body.toString('utf8');
  return event;
}

function directRequestOf(spec: RequestSpec): DirectRequest {
  const headers = Object.fromEntries(Object.entries(headersOf(spec)).map(([name, value]) => [name.toLowerCase(), value]));
  return { method: spec.method, url: spec.path, headers, body: spec.body ?? Buffer.alloc(0) };
}

function checkPing(framework: string) {
  return (body: Buffer): string | undefined => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return 'ping body is not JSON';
    }
    const { from, message } = (parsed ?? {}) as { from?: unknown; message?: unknown };
    if (from !== framework) return `ping body says from=${String(from)}`;
    if (typeof message !== 'string' || !UNIX_DATE_PATTERN.test(message)) return 'ping message is not a UnixDate';
    return undefined;
  };
}

/** The six scenarios (three requests x two payload versions) of one framework's apps. */
export function makeScenarios(framework: string): Scenario[] {
  const echo = Buffer.from(makeEchoJson(), 'utf8');
  const specs: Record<ScenarioName, { spec: RequestSpec; expected: Expected }> = {
    'GET /ping': {
      spec: { method: 'GET', path: '/ping' },
      expected: { statusCode: 200, mediaType: 'application/json', checkBody: checkPing(framework) },
    },
    'POST /echo 1KB': {
      spec: { method: 'POST', path: '/echo', contentType: 'application/json', body: echo },
      expected: { statusCode: 200, mediaType: 'application/json', bytes: echo },
    },
    'GET /image 100KB': {
      spec: { method: 'GET', path: '/image' },
      expected: { statusCode: 200, mediaType: 'image/png', bytes: makePng() },
    },
  };
  const scenarios: Scenario[] = [];
  for (const version of PAYLOAD_VERSIONS) {
    for (const name of SCENARIO_NAMES) {
      const { spec, expected } = specs[name];
      const template = version === 'rest-v1' ? restV1Event(spec) : httpV2Event(spec);
      const json = JSON.stringify(template);
      scenarios.push({
        name,
        version,
        makeEvent: () => JSON.parse(json) as Record<string, unknown>,
        direct: directRequestOf(spec),
        expected,
      });
    }
  }
  return scenarios;
}
