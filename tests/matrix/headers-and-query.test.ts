import type { Inspection } from '../support/apps';
import { withHeader, withRawQueryParameter } from '../support/event-edits';
import { captureLogs } from '../support/log-capture';
import { CELL_ROWS, exchange, json } from '../support/matrix';
import { request } from '../../dev/sample-events/sample-request';

/** The values the app received for one header name, in order, from its rawHeaders. */
function rawValues(seen: Inspection, name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i + 1 < seen.rawHeaders.length; i += 2) {
    if (seen.rawHeaders[i]?.toLowerCase() === name) values.push(seen.rawHeaders[i + 1] as string);
  }
  return values;
}

/** Query pairs as Node's querystring (and every framework here) parses them: repeats become lists. */
function parsedQuery(pairs: readonly (readonly [string, string])[]): Record<string, string | string[]> {
  const parsed: Record<string, string | string[]> = {};
  for (const [key, value] of pairs) {
    const previous = parsed[key];
    parsed[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return parsed;
}

describe.each(CELL_ROWS)('%s', (_name, cell) => {
  const logs = captureLogs();
  const headerValues = ['one', 'two, three', 'four;five'];
  const headerNote = cell.format.name === 'alb-single' ? 'the last value (all ALB single-value mode keeps)' : 'every value in order';

  it(`a repeated request header reaches the app as ${headerNote}, never split on commas`, async () => {
    const headers = headerValues.map((value) => ['X-Multi', value] as const);
    const { response } = await exchange(cell, request({ path: '/inspect', headers }));
    const seen = json<Inspection>(response);
    expect(rawValues(seen, 'x-multi')).toEqual(cell.format.requestHeaderValues(headerValues));
  });

  it('every request header value the app sees is a string, even a number in the event', async () => {
    const { response } = await exchange(cell, request({ path: '/inspect' }), { alter: withHeader('x-number', 42) });
    const seen = json<Inspection>(response);
    expect(seen.headers['x-number']).toBe('42');
    for (const value of Object.values(seen.headers)) expect(typeof value).toBe('string');
    for (const value of seen.rawHeaders) expect(typeof value).toBe('string');
  });

  const query: [string, string][] = [
    ['tag', 'a'],
    ['tag', 'b,c'],
    ['q', 'hello world & more=1+1'],
    ['tag', 'd'],
    ['name', 'caf\u00e9 \u2603'],
    ['empty', ''],
  ];
  const queryNote = cell.format.name === 'alb-single' ? 'the last value of each key' : 'every value in order';

  it(`query values reach the app decoded, ${queryNote}, never split on commas`, async () => {
    const { response } = await exchange(cell, request({ path: '/inspect', query }));
    const seen = json<Inspection>(response);
    expect(seen.query).toEqual(parsedQuery(cell.format.requestQuery(query)));
  });

  it('a lone UTF-16 surrogate in a query value reaches the app as U+FFFD, as in paths, with nothing logged', async () => {
    // No client encoding produces one, but a JSON event can carry "\ud800"; encodeURIComponent throws on it.
    // A decoder would make it U+FFFD, so the helper does: the request is answered, not refused.
    const { response } = await exchange(cell, request({ path: '/inspect', query: [['q', 'x']] }), {
      alter: withRawQueryParameter('q', 'a\ud800b'),
    });
    expect(response.status).toBe(200);
    expect(json<Inspection>(response).query).toEqual({ q: 'a\ufffdb' });
    expect(logs()).toEqual([]);
  });

  it('the request target carries the query after the path', async () => {
    const { response } = await exchange(
      cell,
      request({
        path: '/inspect',
        query: [
          ['a', '1'],
          ['b', '2'],
        ],
      }),
    );
    expect(json<Inspection>(response).url).toBe('/inspect?a=1&b=2');
  });

  it('no query gives a bare path, without "?"', async () => {
    const { response } = await exchange(cell, request({ path: '/inspect' }));
    expect(json<Inspection>(response).url).toBe('/inspect');
  });

  it('client cookies reach the app as one cookie header joined with "; "', async () => {
    const { response } = await exchange(cell, request({ path: '/inspect', cookies: ['session=abc', 'theme=dark'] }));
    const seen = json<Inspection>(response);
    expect(rawValues(seen, 'cookie')).toEqual(['session=abc; theme=dark']);
  });

  it('the app sees https, as API Gateway, Function URLs and ALB listeners are', async () => {
    const { response } = await exchange(cell, request({ path: '/inspect' }));
    expect(json<Inspection>(response).protocol).toBe('https');
  });

  if (cell.format.tellsSourceIp) {
    it("the app's ip is the event's source IP", async () => {
      const { response } = await exchange(cell, request({ path: '/inspect', sourceIp: '198.51.100.7' }));
      expect(json<Inspection>(response).ip).toBe('198.51.100.7');
    });
  }
});

/** Both maps filled by hand: names in one map only, and one name in both with other values. */
function withPartialMaps(event: Record<string, unknown>): Record<string, unknown> {
  const record = (key: string) => (event[key] ?? {}) as Record<string, unknown>;
  return {
    ...event,
    headers: { ...record('headers'), 'X-Only-Single': 'single', 'X-Both': 'from headers' },
    multiValueHeaders: { ...record('multiValueHeaders'), 'x-both': ['multi 1', 'multi 2'] },
    queryStringParameters: { ...record('queryStringParameters'), onlySingle: 'yes', both: 'single' },
    multiValueQueryStringParameters: { ...record('multiValueQueryStringParameters'), both: ['m1', 'm2'] },
  };
}

const BOTH_MAP_ROWS = CELL_ROWS.filter(([, cell]) => cell.format.name === 'rest-v1' || cell.format.name === 'alb-multi');

describe.each(BOTH_MAP_ROWS)('%s, an event with both header and query maps', (_name, cell) => {
  it('a name only the single-value map has reaches the app; where both have it, the multi-value values win', async () => {
    const { response } = await exchange(cell, request({ path: '/inspect' }), { alter: withPartialMaps });
    const seen = json<Inspection>(response);
    expect(rawValues(seen, 'x-only-single')).toEqual(['single']);
    expect(rawValues(seen, 'x-both')).toEqual(['multi 1', 'multi 2']);
    expect(seen.query).toMatchObject({ onlySingle: 'yes', both: ['m1', 'm2'] });
  });
});

// JSON.parse makes `__proto__` an own key, as an event from API Gateway would carry it.
const protoNamed = (value: string) => JSON.parse(`{"__proto__": ${JSON.stringify(value)}}`) as Record<string, unknown>;

describe.each(BOTH_MAP_ROWS)('%s, both maps, a header named __proto__ in the single-value map only', (_name, cell) => {
  it('reaches the app like any other name', async () => {
    const alter = (event: Record<string, unknown>) => {
      const partial = withPartialMaps(event);
      return { ...partial, headers: { ...(partial['headers'] as Record<string, unknown>), ...protoNamed('single') } };
    };
    const { response } = await exchange(cell, request({ path: '/inspect' }), { alter });
    const seen = json<Inspection>(response);
    expect(rawValues(seen, '__proto__')).toEqual(['single']);
    expect(rawValues(seen, 'x-only-single')).toEqual(['single']);
  });
});
