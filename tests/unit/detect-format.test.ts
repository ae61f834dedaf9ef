import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFormat, isAlbEvent, isV1Event, isV2Event, streamSourceOf } from '../../shared/detect-format';

const restV1Event = {
  resource: '/express/{proxy+}',
  path: '/express/ping',
  httpMethod: 'GET',
  headers: {},
  multiValueHeaders: {},
  requestContext: { stage: 'dev', path: '/dev/express/ping', identity: { sourceIp: '203.0.113.10' } },
  body: null,
  isBase64Encoded: false,
};

const httpV2Event = {
  version: '2.0',
  routeKey: '$default',
  rawPath: '/ping',
  rawQueryString: '',
  headers: {},
  requestContext: { stage: '$default', http: { method: 'GET', path: '/ping', sourceIp: '203.0.113.10' } },
  isBase64Encoded: false,
};

const functionUrlEvent = {
  version: '2.0',
  routeKey: '$default',
  rawPath: '/ping',
  rawQueryString: '',
  headers: {},
  requestContext: { domainName: 'abc.lambda-url.xx-local-1.on.aws', http: { method: 'GET', path: '/ping' } },
  isBase64Encoded: false,
};

const albEvent = {
  requestContext: { elb: { targetGroupArn: 'arn:aws:elasticloadbalancing:xx-local-1:000000000000:targetgroup/t/1' } },
  httpMethod: 'GET',
  path: '/ping',
  queryStringParameters: {},
  headers: {},
  body: '',
  isBase64Encoded: false,
};

describe('detectFormat', () => {
  it.each([
    ['a REST v1 event', restV1Event, 'rest-v1'],
    ['a REST v1 event through a custom domain that carries rawPath', { ...restV1Event, rawPath: '/express/ping' }, 'rest-v1'],
    ['a REST v1 event with version 1.0', { ...restV1Event, version: '1.0' }, 'rest-v1'],
    ['an HTTP API 2.0 event', httpV2Event, 'http-v2'],
    ['a Function URL event', functionUrlEvent, 'http-v2'],
    ['an HTTP API 1.0 payload (REST shape)', { ...restV1Event, version: '1.0', requestContext: { stage: '$default' } }, 'rest-v1'],
    ['an ALB event', albEvent, 'alb'],
    ['an ALB event in multi-value mode', { ...albEvent, multiValueHeaders: {}, multiValueQueryStringParameters: {} }, 'alb'],
    // ALB events look like REST v1 otherwise: ALB is tested first.
    ['an ALB event that also has every REST v1 field', { ...restV1Event, requestContext: albEvent.requestContext }, 'alb'],
    [
      'an ALB event that also claims version 2.0 with an http context',
      { ...albEvent, version: '2.0', requestContext: { ...albEvent.requestContext, http: { method: 'GET' } } },
      'alb',
    ],
  ])('recognises %s', (_kind, event, format) => {
    expect(detectFormat(event)?.name).toBe(format);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'GET /ping'],
    ['a number', 42],
    ['an array', [restV1Event]],
    ['an empty object', {}],
    ['an SQS event', { Records: [{ eventSource: 'aws:sqs', body: '{}' }] }],
    ['a scheduled event', { source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} }],
    ['a 2.0 event without requestContext.http', { ...httpV2Event, requestContext: { stage: '$default' } }],
    ['a 2.0 event without requestContext', { version: '2.0', rawPath: '/ping' }],
    ['a 2.0 event whose requestContext.http is not an object', { ...httpV2Event, requestContext: { http: 'GET' } }],
    ['a v1-looking event without path', { httpMethod: 'GET' }],
    ['a v1-looking event without httpMethod', { path: '/ping' }],
    ['a v1-looking event whose httpMethod is not a string', { httpMethod: 1, path: '/ping' }],
    ['an event whose requestContext.elb is not an object', { requestContext: { elb: 'yes' } }],
  ])('recognises nothing in %s', (_kind, event) => {
    expect(detectFormat(event)).toBeUndefined();
  });
});

describe('format guards', () => {
  it('isAlbEvent needs requestContext.elb to be an object', () => {
    expect(isAlbEvent(albEvent)).toBe(true);
    expect(isAlbEvent(restV1Event)).toBe(false);
    expect(isAlbEvent({ requestContext: { elb: null } })).toBe(false);
  });

  it('isV2Event needs version "2.0" and requestContext.http', () => {
    expect(isV2Event(httpV2Event)).toBe(true);
    expect(isV2Event({ ...httpV2Event, version: '1.0' })).toBe(false);
    expect(isV2Event({ ...httpV2Event, version: 2 })).toBe(false);
    expect(isV2Event({ version: '2.0', requestContext: {} })).toBe(false);
  });

  it('isV1Event needs a string httpMethod and a string path, whatever else is there', () => {
    expect(isV1Event({ ...restV1Event, rawPath: '/x' })).toBe(true);
    expect(isV1Event({ httpMethod: 'GET', path: null })).toBe(false);
  });
});

describe('streamSourceOf', () => {
  it.each([
    ['a REST v1 event streams as REST', restV1Event, 'rest-v1'],
    ['a Function URL event streams as a Function URL', functionUrlEvent, 'function-url'],
    ['an HTTP API 2.0 event cannot stream', httpV2Event, undefined],
    ['an HTTP API 1.0 payload (REST shape, version 1.0) cannot stream', { ...restV1Event, version: '1.0' }, undefined],
    ['an ALB event cannot stream', albEvent, undefined],
  ])('%s', (_case, event, expected) => {
    const format = detectFormat(event);
    if (!format) throw new Error('the event has no format');
    expect(streamSourceOf(format, event)).toBe(expected);
  });
});

describe('the sample events in events/', () => {
  const eventsDir = join(__dirname, '..', '..', 'events');
  const files = readdirSync(eventsDir).filter((file) => file.endsWith('.json'));

  it('exist', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  // File names say the source: *-alb-* is ALB, *-http-api-* is HTTP API 2.0, the rest are REST v1.
  it.each(files)('%s is detected as the format its name says', (file) => {
    const expected = file.includes('-alb-') ? 'alb' : file.includes('-http-api-') ? 'http-v2' : 'rest-v1';
    const event: unknown = JSON.parse(readFileSync(join(eventsDir, file), 'utf8'));
    expect(detectFormat(event)?.name).toBe(expected);
  });
});
