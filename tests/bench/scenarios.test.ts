import { BROWSER_COOKIES, browserEdgeHeaders } from '../../dev/sample-events/browser-request';
import { makeScenarios } from '../../bench/scenarios';

const scenarios = makeScenarios('koa');
const edgeNames = browserEdgeHeaders().map(([name]) => name);

describe('benchmark scenarios', () => {
  it.each(scenarios.filter((scenario) => scenario.version === 'rest-v1').map((scenario) => [scenario.name, scenario] as const))(
    "REST v1 %s: a browser's edge headers and its Cookie, Title-Case, in both header maps",
    (_name, scenario) => {
      const event = scenario.makeEvent() as { headers: Record<string, string>; multiValueHeaders: Record<string, string[]> };
      expect(Object.keys(event.headers)).toEqual(expect.arrayContaining([...edgeNames, 'Cookie']));
      expect(Object.keys(event.multiValueHeaders)).toEqual(Object.keys(event.headers));
      expect(event.headers['Cookie']).toBe(BROWSER_COOKIES.join('; '));
      expect(event).toMatchObject({ requestContext: { identity: { sourceIp: '203.0.113.10' } } });
    },
  );

  it.each(scenarios.filter((scenario) => scenario.version === 'http-v2').map((scenario) => [scenario.name, scenario] as const))(
    'HTTP API 2.0 %s: the same headers lower-case, the cookies in `cookies`',
    (_name, scenario) => {
      const event = scenario.makeEvent() as { headers: Record<string, string>; cookies: string[] };
      expect(Object.keys(event.headers)).toEqual(expect.arrayContaining(edgeNames.map((name) => name.toLowerCase())));
      expect(Object.keys(event.headers).every((name) => name === name.toLowerCase())).toBe(true);
      expect(event.cookies).toEqual(BROWSER_COOKIES);
    },
  );

  it('gives a fresh event on every call, since some adapters write into theirs', () => {
    const [ping] = scenarios;
    expect(ping?.makeEvent()).not.toBe(ping?.makeEvent());
    expect(ping?.makeEvent()).toEqual(ping?.makeEvent());
  });

  it('keeps each body: POST carries 1 KB of JSON, base64 on REST v1 and text on HTTP API 2.0', () => {
    const posts = scenarios.filter((scenario) => scenario.name === 'POST /echo 1KB');
    const bodies = posts.map((scenario) => {
      const event = scenario.makeEvent() as { body: string; isBase64Encoded: boolean };
      return Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
    });
    expect(posts.map((scenario) => scenario.makeEvent()['isBase64Encoded'])).toEqual([true, false]);
    for (const body of bodies) expect(body.length).toBe(1024);
    expect(bodies[0]?.equals(bodies[1] as Buffer)).toBe(true);
  });
});
