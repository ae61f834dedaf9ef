import { makeEchoJson, makePng } from './apps/payloads';
import type { DirectRequest } from './floors/direct-handler';
import { UNIX_DATE_PATTERN } from '../functions/format-unix-date';
import { HTTP_API, payloadV2Event } from '../dev/sample-events/payload-v2-event';
import { restV1Event, SAMPLE_API_HOST } from '../dev/sample-events/rest-v1-event';
import { browserEdgeHeaders, browserRequest } from '../dev/sample-events/browser-request';
import { headersWithDefaults, type RequestSpec } from '../dev/sample-events/sample-request';

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
  readonly direct: DirectRequest & { readonly body: Buffer };
  readonly expected: Expected;
}

interface ScenarioRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly contentType?: string;
  readonly body?: Buffer;
}

// A browser's request through API Gateway's edge (18 headers and a Cookie with three cookies),
// built as the tests build it: Title-Case in both header maps on REST v1, lower-case on 2.0.
function specOf(scenario: ScenarioRequest, version: PayloadVersion): RequestSpec {
  const headers = browserEdgeHeaders();
  if (scenario.contentType) headers.push(['Content-Type', scenario.contentType]);
  // The template makes every media type binary, so REST bodies arrive base64; HTTP API bodies of JSON arrive as text.
  return browserRequest({
    method: scenario.method,
    path: scenario.path,
    headers,
    body: scenario.body,
    isBase64: version === 'rest-v1',
    stage: 'dev',
  });
}

/** A REST API (payload 1.0) event through a `/{proxy+}` resource at the API's root, on the dev stage. */
function eventOf(spec: RequestSpec, version: PayloadVersion): Record<string, unknown> {
  if (version === 'rest-v1') return { ...restV1Event(spec) };
  // An HTTP API's `$default` route on its `$default` stage.
  return { ...payloadV2Event({ ...spec, stage: '$default' }, { ...HTTP_API, routeKey: '$default' }) };
}

function directRequestOf(spec: RequestSpec): DirectRequest & { readonly body: Buffer } {
  const pairs = [...headersWithDefaults(spec, SAMPLE_API_HOST), ['Cookie', spec.cookies.join('; ')] as const];
  const headers = Object.fromEntries(pairs.map(([name, value]) => [name.toLowerCase(), value]));
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
  const specs: Record<ScenarioName, { spec: ScenarioRequest; expected: Expected }> = {
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
      const sent = specOf(spec, version);
      const json = JSON.stringify(eventOf(sent, version));
      scenarios.push({
        name,
        version,
        makeEvent: () => JSON.parse(json) as Record<string, unknown>,
        direct: directRequestOf(sent),
        expected,
      });
    }
  }
  return scenarios;
}
