import { ServerResponse } from 'node:http';
import type { BufferedSocket } from '../../shared/buffered-socket';
import { invocationRequest } from './invocation-request';

/** A response bound to a fresh invocation socket, as serveRequest binds it. */
function responseOn(): { res: ServerResponse; socket: BufferedSocket } {
  const { req, socket } = invocationRequest();
  const res = new ServerResponse(req);
  res.useChunkedEncodingByDefault = false;
  res.assignSocket(socket as never);
  return { res, socket };
}

const nextTick = (): Promise<void> => new Promise((resolve) => process.nextTick(resolve));

describe('BufferedSocket', () => {
  it('keeps the body and not the header block, which Node writes in front of the first chunk', () => {
    const { res, socket } = responseOn();
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('hello ');
    res.end('world');
    expect(socket.chunks.join('')).toBe('hello world');
    expect(socket.chunks.join('')).not.toContain('HTTP/1.1');
  });

  it('keeps UTF-8 strings as strings, so a text body is their concatenation', () => {
    const { res, socket } = responseOn();
    res.write('{"a":');
    res.end('"é"}');
    expect(socket.textOnly).toBe(true);
    expect(socket.chunks.every((chunk) => typeof chunk === 'string')).toBe(true);
  });

  it('keeps bytes, and strings in another encoding, as bytes', () => {
    const { res, socket } = responseOn();
    res.write(Buffer.from([0xff, 0x00]));
    res.end('aGk=', 'base64');
    expect(socket.textOnly).toBe(false);
    expect(Buffer.concat(socket.chunks.map((chunk) => Buffer.from(chunk)))).toEqual(Buffer.from([0xff, 0x00, 0x68, 0x69]));
  });

  it('copies a buffer whose write calls back: the app may reuse it after the callback', async () => {
    const { res, socket } = responseOn();
    res.writeHead(200);
    const reused = Buffer.from('abc');
    await new Promise<void>((resolve) => res.write(reused, () => resolve()));
    reused.fill(0x78);
    expect(Buffer.from(socket.chunks[0] as Buffer).toString()).toBe('abc');
  });

  it("calls a write's callback on a later tick, never inside write(), as a real socket does", async () => {
    const { socket } = responseOn();
    let calledBack = false;
    socket.write('x', () => (calledBack = true));
    expect(calledBack).toBe(false);
    await nextTick();
    expect(calledBack).toBe(true);
  });

  it('keeps nothing written before the response head exists (100 Continue and the like)', () => {
    const { res, socket } = responseOn();
    res.writeContinue();
    expect(socket.chunks).toEqual([]);
  });

  it("emits 'close' once, on a later tick, however often it is destroyed", async () => {
    const { socket } = responseOn();
    const closes: unknown[] = [];
    socket.on('close', (hadError) => closes.push(hadError));
    socket.destroy();
    socket.end();
    expect(closes).toEqual([]);
    expect(socket.destroyed).toBe(true);
    expect(socket.writable).toBe(false);
    await nextTick();
    expect(closes).toEqual([false]);
  });

  it.each([
    [true, 443],
    [false, 80],
  ])('reports the client address and, encrypted %s, the server port %s', (encrypted, port) => {
    const { socket } = invocationRequest({ encrypted });
    expect(socket.remoteAddress).toBe('203.0.113.10');
    expect(socket.encrypted).toBe(encrypted);
    expect(socket.address()).toEqual({ port });
  });

  it('carries the invocation it was made for', () => {
    const { socket } = invocationRequest({ url: '/orders' });
    expect(socket.invocation.event).toMatchObject({ path: '/orders' });
    expect(socket.invocation.context.awsRequestId).toMatch(/^unit-request-/);
  });
});
