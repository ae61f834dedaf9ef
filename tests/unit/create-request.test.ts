import type { Invocation } from '../../shared/invocation';
import type { IncomingMessage } from 'node:http';
import { createRequest } from '../../shared/create-request';
import { BadEventError } from '../../shared/event-fields';
import type { EventRequest } from '../../shared/formats/event-format';
import { BufferedSocket } from '../../shared/buffered-socket';
import { resolveSettings, type ProxyOptions } from '../../shared/options';

const invocation = { event: { httpMethod: 'GET', path: '/' }, context: { awsRequestId: 'req-1' } } as unknown as Invocation;

function request(parts: Partial<EventRequest>, options?: ProxyOptions): IncomingMessage {
  const full: EventRequest = {
    method: 'GET',
    path: '/',
    stage: undefined,
    query: { kind: 'string', text: '' },
    rawHeaders: [],
    body: undefined,
    isBase64Encoded: false,
    sourceIp: '203.0.113.10',
    encrypted: true,
    ...parts,
  };
  return createRequest(full, resolveSettings(options), new BufferedSocket(invocation, full.sourceIp, full.encrypted));
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('createRequest', () => {
  it('builds the target from the path after the base path and the query', () => {
    const req = request({ path: '/express/users/1', query: { kind: 'string', text: 'a=1&a=2' } }, { basePath: '/express' });
    expect(req.method).toBe('GET');
    expect(req.url).toBe('/users/1?a=1&a=2');
  });

  it('leaves out ? when there is no query, and encodes what cannot stand in a path', () => {
    expect(request({ path: '/a b' }).url).toBe('/a%20b');
  });

  it('serves the bare base path as /', () => {
    expect(request({ path: '/express' }, { basePath: '/express' }).url).toBe('/');
  });

  it("joins repeated headers by Node's own rules and keeps rawHeaders in order", () => {
    const req = request({
      rawHeaders: ['Accept', 'text/html', 'accept', 'application/json', 'Cookie', 'a=1', 'cookie', 'b=2', 'Host', 'h1', 'Host', 'h2'],
    });
    expect(req.headers['accept']).toBe('text/html, application/json');
    expect(req.headers['cookie']).toBe('a=1; b=2');
    expect(req.headers['host']).toBe('h1');
    expect(req.rawHeaders.slice(0, 4)).toEqual(['Accept', 'text/html', 'accept', 'application/json']);
  });

  it('gives the decoded body and a content-length of its decoded byte count', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
    const req = request({ method: 'POST', rawHeaders: ['Content-Type', 'image/png'], body: png.toString('base64'), isBase64Encoded: true });
    expect(req.headers['content-length']).toBe(String(png.length));
    expect(await readAll(req)).toEqual(png);
  });

  it('counts UTF-8 bytes, not characters, in content-length', async () => {
    const req = request({ method: 'POST', body: 'héllo ✓' });
    expect(req.headers['content-length']).toBe(String(Buffer.byteLength('héllo ✓')));
    expect((await readAll(req)).toString('utf8')).toBe('héllo ✓');
  });

  it.each([['POST'], ['PUT'], ['PATCH']])('sends content-length: 0 on a %s without a body', async (method) => {
    const req = request({ method, body: undefined });
    expect(req.headers['content-length']).toBe('0');
    expect(await readAll(req)).toHaveLength(0);
  });

  it('adds no content-length to a GET without a body', () => {
    expect(request({ method: 'GET' }).headers['content-length']).toBeUndefined();
  });

  it('rejects an invalid base64 body as a bad event', () => {
    expect(() => request({ method: 'POST', body: 'not base64!', isBase64Encoded: true })).toThrow(BadEventError);
  });

  it('reports the client address and HTTPS, as API Gateway connections are', () => {
    const req = request({});
    expect(req.socket.remoteAddress).toBe('203.0.113.10');
    expect((req.socket as unknown as { encrypted: boolean }).encrypted).toBe(true);
    expect(req.httpVersion).toBe('1.1');
  });
});
