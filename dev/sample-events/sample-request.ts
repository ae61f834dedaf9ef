/**
 * One HTTP request as a client sent it, before any event format has touched it: what every
 * event builder (REST v1, HTTP API 2.0, Function URL, ALB) starts from.
 */
export interface RequestSpec {
  readonly method: string;
  /** The path as the client asked for it (a REST stage is not in it; the HTTP API adds its own). */
  readonly path: string;
  /** Decoded keys and values, in the order sent; a key may repeat. */
  readonly query: readonly (readonly [string, string])[];
  /** Names as the client spelled them, in the order sent; a name may repeat. */
  readonly headers: readonly (readonly [string, string])[];
  /** `name=value` pairs of the client's Cookie header. */
  readonly cookies: readonly string[];
  /** The body's bytes; undefined when the request has none. */
  readonly body: Buffer | undefined;
  /** Whether the event carries the body base64-encoded. */
  readonly isBase64: boolean;
  /** An API Gateway named stage (REST keeps it out of `path`; an HTTP API puts it in `rawPath`). */
  readonly stage: string;
  readonly sourceIp: string;
  /** API Gateway's request id (ALB events have none). */
  readonly requestId: string;
  /** When the gateway received it: fixed by default, so that built events are reproducible. */
  readonly time: Date;
}

/** 2026-11-25T08:30:00Z: the time of every sample event unless a request says otherwise. */
export const SAMPLE_TIME = new Date(1795595400000);

// `25/Nov/2026:08:30:00 +0000`, the CLF time API Gateway puts in requestTime.
export function formatRequestTime(date: Date): string {
  const [, day, month, year, time] = date.toUTCString().split(' ');
  return `${day}/${month}/${year}:${time} +0000`;
}

export function request(fields: Partial<RequestSpec> & { readonly path: string }): RequestSpec {
  return {
    method: 'GET',
    query: [],
    headers: [],
    cookies: [],
    body: undefined,
    isBase64: false,
    stage: '$default',
    sourceIp: '203.0.113.10',
    requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    time: SAMPLE_TIME,
    ...fields,
  };
}

/** The event's body field: base64 or UTF-8 text of the spec's bytes. */
export function bodyText(spec: RequestSpec): string | undefined {
  if (spec.body === undefined) return undefined;
  return spec.body.toString(spec.isBase64 ? 'base64' : 'utf8');
}

/** Headers a command-line client and the edge add to every request, unless the spec sends its own. */
export function headersWithDefaults(spec: RequestSpec, host: string): (readonly [string, string])[] {
  const sent = new Set(spec.headers.map(([name]) => name.toLowerCase()));
  const defaults: [string, string][] = [
    ['Host', host],
    ['User-Agent', 'curl/8.5.0'],
    ['X-Amzn-Trace-Id', 'Root=1-6560a1b2-0123456789abcdef01234567'],
    ['X-Forwarded-For', spec.sourceIp],
    ['X-Forwarded-Port', '443'],
    ['X-Forwarded-Proto', 'https'],
  ];
  if (spec.body !== undefined) defaults.push(['Content-Length', String(spec.body.length)]);
  return [...defaults.filter(([name]) => !sent.has(name.toLowerCase())), ...spec.headers];
}

/** Every value of each name, in order; names spelled as `spell` says, first spelling kept. */
export function groupPairs(
  pairs: readonly (readonly [string, string])[],
  spell: (name: string) => string = (name) => name,
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [name, value] of pairs) {
    const key = spell(name);
    const values = groups.get(key);
    if (values) values.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}

export function mapValues<T>(groups: Map<string, string[]>, pick: (values: string[]) => T): Record<string, T> {
  // fromEntries defines each name as an own property: an assignment would treat `__proto__` as
  // the prototype and drop that header or query parameter.
  return Object.fromEntries([...groups].map(([name, values]) => [name, pick(values)]));
}

export const lastValue = (values: string[]): string => values[values.length - 1] ?? '';
