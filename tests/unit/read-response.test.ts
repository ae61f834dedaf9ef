import type { Invocation } from '../../shared/invocation';
import { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { BufferedSocket } from '../../shared/buffered-socket';
import { readResponse, type AppResponse } from '../../shared/read-response';

/** Lets `write` answer a request on a Node ServerResponse wired as the helper wires it, then reads it. */
function respond(write: (res: ServerResponse) => void, method = 'GET'): Promise<AppResponse> {
  const socket = new BufferedSocket(
    { event: { httpMethod: 'GET', path: '/' }, context: { awsRequestId: 'req-1' } } as unknown as Invocation,
    '203.0.113.10',
    true,
  );
  const req = new IncomingMessage(socket as unknown as Socket);
  req.method = method;
  req.httpVersionMajor = 1;
  req.httpVersionMinor = 1;
  const res = new ServerResponse(req);
  res.useChunkedEncodingByDefault = false;
  res.assignSocket(socket as never);
  return new Promise((resolve, reject) => {
    res.once('finish', () => resolve(readResponse(res, socket)));
    res.once('error', reject);
    write(res);
  });
}

describe('readResponse', () => {
  it('reads the status code and the body', async () => {
    const response = await respond((res) => {
      res.statusCode = 201;
      res.end('created');
    });
    expect(response.statusCode).toBe(201);
    expect(response.body.toString()).toBe('created');
  });

  it('reads header names in lower case with their values', async () => {
    const response = await respond((res) => {
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('X-Request-Id', 'abc');
      res.end('{}');
    });
    expect(response.headers.get('content-type')).toEqual(['application/json; charset=utf-8']);
    expect(response.headers.get('x-request-id')).toEqual(['abc']);
    expect(response.headers.has('X-Request-Id')).toBe(false);
  });

  it('keeps every value of a repeated header, in order', async () => {
    const response = await respond((res) => {
      res.setHeader('X-Multi', ['one', 'two', 'three']);
      res.end();
    });
    expect(response.headers.get('x-multi')).toEqual(['one', 'two', 'three']);
  });

  it('keeps a value that holds colons and commas intact', async () => {
    const response = await respond((res) => {
      res.setHeader('Location', 'https://example.com:8443/a,b?c=d:e');
      res.end();
    });
    expect(response.headers.get('location')).toEqual(['https://example.com:8443/a,b?c=d:e']);
  });

  it('keeps an empty header value', async () => {
    const response = await respond((res) => {
      res.setHeader('X-Empty', '');
      res.end();
    });
    expect(response.headers.get('x-empty')).toEqual(['']);
  });

  it('takes every Set-Cookie apart from the headers, each intact and in order', async () => {
    const cookies = ['a=1; Path=/; HttpOnly', 'b=2; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Secure'];
    const response = await respond((res) => {
      res.setHeader('Set-Cookie', cookies);
      res.end();
    });
    expect(response.cookies).toEqual(cookies);
    expect(response.headers.has('set-cookie')).toBe(false);
  });

  it.each([
    ['Connection', { Connection: 'close' }],
    ['Keep-Alive', { 'Keep-Alive': 'timeout=5' }],
    ['Transfer-Encoding', { 'Transfer-Encoding': 'chunked' }],
    ['Upgrade', { Upgrade: 'websocket' }],
    // Node accepts a Trailer header only on a chunked response.
    ['Trailer', { 'Transfer-Encoding': 'chunked', Trailer: 'X-Checksum' }],
    ['Proxy-Connection', { 'Proxy-Connection': 'keep-alive' }],
    ['TE', { TE: 'trailers' }],
  ])('drops the hop-by-hop header %s', async (name, hopByHop) => {
    const response = await respond((res) => {
      for (const [header, value] of Object.entries(hopByHop)) res.setHeader(header, value);
      res.setHeader('X-Kept', 'yes');
      res.end('body');
    });
    expect(response.headers.has(name.toLowerCase())).toBe(false);
    expect(response.headers.get('x-kept')).toEqual(['yes']);
    expect(response.body.toString()).toBe('body');
  });

  it('joins a body written in several chunks, without chunk framing', async () => {
    const response = await respond((res) => {
      res.setHeader('Content-Type', 'text/plain');
      res.write('first,');
      res.write(Buffer.from('second,'));
      res.end('third');
    });
    expect(response.body.toString()).toBe('first,second,third');
  });

  it('removes the chunk framing Node adds when the app asks for Transfer-Encoding: chunked', async () => {
    const response = await respond((res) => {
      res.setHeader('Transfer-Encoding', 'chunked');
      res.write('hello, ');
      res.write(Buffer.alloc(300, 'x'));
      res.end('world');
    });
    expect(response.body.toString()).toBe(`hello, ${'x'.repeat(300)}world`);
    expect(response.headers.has('transfer-encoding')).toBe(false);
  });

  it('keeps every byte value of a binary body', async () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const response = await respond((res) => {
      res.setHeader('Content-Type', 'application/octet-stream');
      res.write(bytes.subarray(0, 100));
      res.end(bytes.subarray(100));
    });
    expect(response.body).toEqual(bytes);
  });

  it('keeps a body that contains CRLF sequences and a header-like first line', async () => {
    const text = 'HTTP/1.1 200 OK\r\nX-Fake: 1\r\n\r\nbody';
    const response = await respond((res) => {
      res.setHeader('Content-Type', 'text/plain');
      res.end(text);
    });
    expect(response.body.toString()).toBe(text);
    expect(response.headers.has('x-fake')).toBe(false);
  });

  it('reads a body written with a non-UTF-8 string encoding as the bytes it stands for', async () => {
    const response = await respond((res) => {
      res.write('café', 'latin1');
      res.end('ff00', 'hex');
    });
    expect(response.body).toEqual(Buffer.concat([Buffer.from('café', 'latin1'), Buffer.from([0xff, 0x00])]));
  });

  it('reads the status and headers set through writeHead', async () => {
    const response = await respond((res) => {
      res.writeHead(418, { 'Content-Type': 'text/plain', 'X-Teapot': 'yes' });
      res.end('short and stout');
    });
    expect(response.statusCode).toBe(418);
    expect(response.headers.get('x-teapot')).toEqual(['yes']);
    expect(response.body.toString()).toBe('short and stout');
  });

  it('reads a 204 with no body', async () => {
    const response = await respond((res) => {
      res.statusCode = 204;
      res.end();
    });
    expect(response.statusCode).toBe(204);
    expect(response.body).toHaveLength(0);
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await respond((res) => {
      res.setHeader('Content-Type', 'text/plain');
      res.setHeader('Content-Length', '5');
      res.end('hello');
    }, 'HEAD');
    expect(response.headers.get('content-length')).toEqual(['5']);
    expect(response.body).toHaveLength(0);
  });
});
