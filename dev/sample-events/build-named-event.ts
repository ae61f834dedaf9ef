import type { SamTemplate } from '../sam-model/sam-template';
import { albEvent } from './alb-event';
import { FUNCTION_URL, HTTP_API, payloadV2Event } from './payload-v2-event';
import { restV1Event } from './rest-v1-event';
import { request } from './sample-request';

/** The event formats `invoke -e <format>:<METHOD>:<path>` builds, by the name a user types. */
export const EVENT_FORMATS = ['rest', 'http', 'url', 'alb'] as const;
type EventFormat = (typeof EVENT_FORMATS)[number];

/** `rest:GET:/express/ping?verbose=1` read as its parts; undefined when the text is not such a name (a file path, say). */
export function readEventName(text: string): { format: EventFormat; method: string; path: string; query: [string, string][] } | undefined {
  const match = /^([a-z]+):([A-Za-z]+):(\/.*)$/.exec(text);
  const format = EVENT_FORMATS.find((known) => known === match?.[1]);
  if (!match || !format) return undefined;
  const url = new URL(match[3] ?? '/', 'http://event.local');
  return { format, method: (match[2] ?? 'GET').toUpperCase(), path: url.pathname, query: [...url.searchParams] };
}

/**
 * The event a named request builds, from the same builders as `npm run events`: a REST API event
 * through the template's route that serves the path (its resource, path parameters and stage),
 * an HTTP API or Function URL payload 2.0 event, or an ALB event.
 */
export function buildNamedEvent(name: NonNullable<ReturnType<typeof readEventName>>, template: SamTemplate): Record<string, unknown> {
  const spec = request({ method: name.method, path: name.path, query: name.query, headers: [['Accept', 'application/json']] });
  switch (name.format) {
    case 'rest': {
      // The route API Gateway would pick: the exact resource, else the greedy `/prefix/{proxy+}` around the path.
      const greedyPrefix = (path: string) => /^(.*)\/\{proxy\+\}$/.exec(path)?.[1];
      const exact = template.routes.find((each) => each.path === name.path);
      const greedy = template.routes.find((each) => {
        const prefix = greedyPrefix(each.path);
        return prefix !== undefined && name.path.startsWith(`${prefix}/`);
      });
      const route = exact ?? greedy;
      const prefix = route && greedyPrefix(route.path);
      const fields = route
        ? { resource: route.path, pathParameters: prefix === undefined || exact ? null : { proxy: name.path.slice(prefix.length + 1) } }
        : {};
      return { ...restV1Event({ ...spec, stage: route?.api.stageName ?? 'dev' }, fields) };
    }
    case 'http':
      return { ...payloadV2Event(spec, HTTP_API, { routeKey: `${name.method} ${name.path}` }) };
    case 'url':
      return { ...payloadV2Event(spec, FUNCTION_URL) };
    case 'alb':
      return { ...albEvent(spec, 'multi') };
  }
}
