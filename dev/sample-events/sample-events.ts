import type { SamTemplate, TemplateRoute } from '../sam-model/sam-template';
import { albEvent } from './alb-event';
import { HTTP_API, payloadV2Event } from './payload-v2-event';
import { restV1Event } from './rest-v1-event';
import { request, type RequestSpec } from './sample-request';

/** One file of `events/`: what `sam local invoke -e` and the artifact test send a function. */
export interface SampleEvent {
  readonly file: string;
  readonly functionId: string;
  readonly event: Record<string, unknown>;
}

const JSON_BODY = Buffer.from('{"greeting":"hello","items":[1,2,3]}');
// A 1x1 PNG: binary bytes that are not valid UTF-8.
const PNG_BODY = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const ACCEPT_JSON: [string, string] = ['Accept', 'application/json'];

/** `/express/{proxy+}` serves `/express/...`: its prefix is `/express`. */
function greedyPrefix(route: TemplateRoute): string | undefined {
  return /^(\/[^{}]*)\/\{proxy\+\}$/.exec(route.path)?.[1];
}

function restEvent(route: TemplateRoute, prefix: string, spec: RequestSpec): Record<string, unknown> {
  return {
    ...restV1Event(
      { ...spec, stage: route.api.stageName },
      { resource: route.path, pathParameters: { proxy: spec.path.slice(prefix.length + 1) } },
    ),
  };
}

/** `/express/stream` is the stream route of `express`: GET only, on a streaming function. */
function streamRouteName(route: TemplateRoute, template: SamTemplate): string | undefined {
  const streaming = template.functions.find((fn) => fn.logicalId === route.functionId)?.responseStreaming === true;
  return streaming && route.method === 'GET' ? /^\/([^{}]*)\/stream$/.exec(route.path)?.[1] : undefined;
}

/**
 * The sample events of a template: for every function behind a greedy REST route
 * (`/<name>/{proxy+}`), `<name>-ping.json`; for the first one also a JSON and a binary POST to
 * `/echo` and GET /ping as an HTTP API and an ALB would send it; for every streaming function
 * behind `GET /<name>/stream`, `<name>-stream.json` asking for three lines without pauses.
 */
export function sampleEvents(template: SamTemplate): SampleEvent[] {
  const events: SampleEvent[] = [];
  for (const route of template.routes) {
    const name = streamRouteName(route, template);
    if (name === undefined) continue;
    const spec = request({
      path: route.path,
      headers: [['Accept', 'application/x-ndjson']],
      query: [
        ['count', '3'],
        ['intervalMs', '0'],
      ],
    });
    const event = restV1Event({ ...spec, stage: route.api.stageName }, { resource: route.path, pathParameters: null });
    events.push({ file: `${name.replaceAll('/', '-')}-stream.json`, functionId: route.functionId, event: { ...event } });
  }
  const greedy = template.routes.flatMap((route) => {
    const prefix = greedyPrefix(route);
    return prefix === undefined ? [] : [{ route, prefix, name: prefix.slice(1).replaceAll('/', '-') }];
  });
  for (const { route, prefix, name } of greedy) {
    const ping = request({ path: `${prefix}/ping`, headers: [ACCEPT_JSON] });
    events.push({ file: `${name}-ping.json`, functionId: route.functionId, event: restEvent(route, prefix, ping) });
  }
  const first = greedy[0];
  if (!first) return events;
  const { route, prefix, name } = first;
  const post = (contentType: string, body: Buffer, isBase64: boolean): RequestSpec =>
    request({ method: 'POST', path: `${prefix}/echo`, headers: [ACCEPT_JSON, ['Content-Type', contentType]], body, isBase64 });
  const ping = request({
    path: `${prefix}/ping`,
    headers: [ACCEPT_JSON],
    query: [
      ['verbose', '1'],
      ['tag', 'a'],
      ['tag', 'b'],
    ],
  });
  events.push(
    {
      file: `${name}-post-json.json`,
      functionId: route.functionId,
      event: restEvent(route, prefix, post('application/json', JSON_BODY, false)),
    },
    // BinaryMediaTypes `*/*`: API Gateway hands every body over base64.
    { file: `${name}-post-binary.json`, functionId: route.functionId, event: restEvent(route, prefix, post('image/png', PNG_BODY, true)) },
    {
      file: `${name}-http-api-ping.json`,
      functionId: route.functionId,
      event: { ...payloadV2Event({ ...ping, cookies: ['session=abc123', 'theme=dark'] }, { ...HTTP_API, routeKey: `ANY ${route.path}` }) },
    },
    { file: `${name}-alb-ping.json`, functionId: route.functionId, event: { ...albEvent(ping, 'multi', `${name}-alb.example.com`) } },
  );
  return events;
}

/** A sample event file's text: two-space JSON and a final newline. */
export function sampleEventText(event: SampleEvent): string {
  return `${JSON.stringify(event.event, null, 2)}\n`;
}
