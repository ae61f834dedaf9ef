import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BROWSER_COOKIES, browserRequest } from '../../dev/sample-events/browser-request';
import { restV1Event } from '../../dev/sample-events/rest-v1-event';
import { sampleEvents, sampleEventText } from '../../dev/sample-events/sample-events';
import { appNameOf } from '../../dev/sam-model/frameworks';
import { readTemplate } from '../../dev/sam-model/read-template';

const REPO_ROOT = join(__dirname, '..', '..');
const template = readTemplate(join(REPO_ROOT, 'template.yaml'));
const events = sampleEvents(template);

describe('events/', () => {
  const committed = readdirSync(join(REPO_ROOT, 'events')).filter((file) => file.endsWith('.json'));

  it('holds exactly the files `npm run events` writes from the template', () => {
    expect(committed.sort()).toEqual(events.map((event) => event.file).sort());
  });

  it.each(events.map((event) => [event.file, event] as const))(
    '%s is what the builders make (run `npm run events` after changing them)',
    (file, event) => {
      expect(readFileSync(join(REPO_ROOT, 'events', file), 'utf8')).toBe(sampleEventText(event));
    },
  );

  it.each(template.functions.map((fn) => [fn.logicalId, fn] as const))(
    'has a ping event for %s (a stream event for a streaming function), on its route and stage',
    (_id, fn) => {
      const app = appNameOf(fn);
      const [file, resource] = fn.responseStreaming ? [`${app}-stream.json`, `/${app}/stream`] : [`${app}-ping.json`, `/${app}/{proxy+}`];
      const sample = events.find((event) => event.file === file);
      expect(sample?.functionId).toBe(fn.logicalId);
      expect(sample?.event).toMatchObject({ resource, httpMethod: 'GET', requestContext: { stage: 'dev' } });
    },
  );
});

describe("a browser's request through API Gateway's edge", () => {
  const event = restV1Event(browserRequest({ path: '/ping' }));

  it('carries the edge headers Title-Case, each in headers and multiValueHeaders, a Cookie with three cookies among them', () => {
    const names = Object.keys(event.headers);
    expect(names.length).toBeGreaterThanOrEqual(18);
    for (const name of names) expect(name).toMatch(/^[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)*$/);
    expect(Object.keys(event.multiValueHeaders)).toEqual(names);
    expect(names).toEqual(
      expect.arrayContaining([
        'Accept-Encoding',
        'Accept-Language',
        'CloudFront-Viewer-Country',
        'Via',
        'X-Amz-Cf-Id',
        'X-Amzn-Trace-Id',
        'X-Forwarded-Port',
      ]),
    );
    expect(names.filter((name) => name.startsWith('CloudFront-')).length).toBeGreaterThanOrEqual(5);
    expect(event.headers['Cookie']).toBe(BROWSER_COOKIES.join('; '));
    expect(BROWSER_COOKIES).toHaveLength(3);
  });

  it('has the full requestContext with identity, the user agent being the browser', () => {
    expect(event.requestContext).toMatchObject({ stage: 'dev', path: '/dev/ping', resourcePath: '/{proxy+}', protocol: 'HTTP/1.1' });
    expect(Object.keys(event.requestContext.identity)).toHaveLength(15);
    expect(event.requestContext.identity.userAgent).toBe(event.headers['User-Agent']);
    expect(event.requestContext.identity.sourceIp).toBe('203.0.113.10');
  });
});
