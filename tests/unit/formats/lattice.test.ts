import { detectFormat, streamSourceOf } from '../../../shared/detect-format';
import { latticeV1 } from '../../../shared/formats/lattice-v1';
import { latticeV2 } from '../../../shared/formats/lattice-v2';
import { latticeEvent } from '../../../dev/sample-events/lattice-event';
import { request } from '../../../dev/sample-events/sample-request';
import { captureLogs } from '../../support/log-capture';

const parts = (cookies: string[] = []) => ({
  statusCode: 201,
  headers: new Map([
    ['content-type', ['text/plain']],
    ['x-many', ['a', 'b']],
  ]),
  cookies,
  body: 'aGk=',
  isBase64Encoded: true,
});

describe('VPC Lattice events', () => {
  const logs = captureLogs();
  const spec = request({ path: '/orders/7', query: [['id', 'a b']] });

  it.each([
    ['V1', latticeEvent(spec, 'v1'), 'lattice-v1'],
    ['V2', latticeEvent(spec, 'v2'), 'lattice-v2'],
  ])('%s is detected as its own format, and never streams', (_version, event, name) => {
    expect(detectFormat(event)?.name).toBe(name);
    const format = detectFormat(event);
    if (format) expect(streamSourceOf(format, event)).toBeUndefined();
  });

  it('a 2.0 event with requestContext.http stays HTTP API, whatever else it carries', () => {
    const event = { ...latticeEvent(spec, 'v2'), requestContext: { http: { method: 'GET' } }, rawPath: '/x' };
    expect(detectFormat(event)?.name).toBe('http-v2');
  });

  it('V2: the query in the path wins, kept as sent; a path without one takes the map', () => {
    const read = latticeV2.readRequest({
      ...latticeEvent(spec, 'v2'),
      path: '/orders/7?id=a%20b&id=c',
      queryStringParameters: { id: ['z'] },
    });
    expect(read.path).toBe('/orders/7');
    expect(read.query).toEqual({ kind: 'string', text: 'id=a%20b&id=c' });
    const fromMap = latticeV2.readRequest({ ...latticeEvent(spec, 'v2'), path: '/orders/7', queryStringParameters: { id: ['x', 'y'] } });
    expect(fromMap.query).toEqual({ kind: 'map', map: { id: ['x', 'y'] }, encoded: false });
  });

  it('V1: raw_path, snake_case flags, and an HTTP listener said by X-Forwarded-Proto', () => {
    const event = { ...latticeEvent(spec, 'v1'), headers: { 'x-forwarded-proto': 'http' }, body: 'aGk=', is_base64_encoded: true };
    const read = latticeV1.readRequest(event);
    expect(read).toMatchObject({ method: 'GET', path: '/orders/7', isBase64Encoded: true, body: 'aGk=', encrypted: false });
  });

  it.each([
    ['V1', latticeV1],
    ['V2', latticeV2],
  ])(
    '%s answers with statusDescription, one header map, repeats joined, and only the first Set-Cookie (a warning says so)',
    (_v, format) => {
      const result = format.writeResult(parts(['a=1', 'b=2']), {}, 'req-1');
      expect(result).toEqual({
        statusCode: 201,
        statusDescription: '201 Created',
        headers: { 'content-type': 'text/plain', 'x-many': 'a, b', 'set-cookie': 'a=1' },
        body: 'aGk=',
        isBase64Encoded: true,
      });
      expect(logs()).toHaveLength(1);
      expect(logs()[0]?.json).toMatchObject({ level: 'WARN', droppedCookies: 1 });
    },
  );
});
