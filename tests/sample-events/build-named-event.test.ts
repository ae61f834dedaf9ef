import { join } from 'node:path';
import { readTemplate } from '../../dev/sam-model/read-template';
import { buildNamedEvent, readEventName } from '../../dev/sample-events/build-named-event';

// `invoke -e rest:GET:/express/ping`: the event a name builds, through the template's routes.
const template = readTemplate(join(__dirname, '..', '..', 'template.yaml'));

function build(text: string): Record<string, unknown> {
  const name = readEventName(text);
  if (!name) throw new Error(`not an event name: ${text}`);
  return buildNamedEvent(name, template);
}

describe('readEventName', () => {
  it.each([
    ['rest:GET:/express/ping', { format: 'rest', method: 'GET', path: '/express/ping', query: [] }],
    [
      'http:post:/koa/echo?a=1&a=2',
      {
        format: 'http',
        method: 'POST',
        path: '/koa/echo',
        query: [
          ['a', '1'],
          ['a', '2'],
        ],
      },
    ],
  ])('reads %s', (text, expected) => {
    expect(readEventName(text)).toEqual(expected);
  });

  it.each([['events/express-ping.json'], ['-'], ['soap:GET:/express/ping'], ['rest:GET:express/ping'], ['C:\\events\\ping.json']])(
    'leaves %s to be read as a file',
    (text) => {
      expect(readEventName(text)).toBeUndefined();
    },
  );
});

describe('buildNamedEvent', () => {
  it.each([
    ['a path under a greedy route', 'rest:GET:/express/ping', { resource: '/express/{proxy+}', pathParameters: { proxy: 'ping' } }],
    ['an exact route', 'rest:GET:/koa/stream', { resource: '/koa/stream', pathParameters: null }],
  ])('builds a REST API event through %s, with its stage', (_case, text, route) => {
    const event = build(text);
    expect(event).toMatchObject({ ...route, httpMethod: 'GET', path: text.slice('rest:GET:'.length) });
    expect(event.requestContext).toMatchObject({ stage: 'dev' });
  });

  it.each([
    ['http', { version: '2.0', routeKey: 'GET /fastify/ping', rawPath: '/fastify/ping' }],
    ['url', { version: '2.0', routeKey: '$default', rawPath: '/fastify/ping' }],
    ['alb', { httpMethod: 'GET', path: '/fastify/ping' }],
  ])('builds the %s format', (format, fields) => {
    expect(build(`${format}:GET:/fastify/ping`)).toMatchObject(fields);
  });
});
