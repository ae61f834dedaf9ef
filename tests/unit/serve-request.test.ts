import type { ServerResponse } from 'node:http';
import { serveRequest, type Served } from '../../shared/serve-request';
import { invocationRequest } from './invocation-request';

type Listener = Parameters<typeof serveRequest>[0];

function serve(
  listener: Listener,
  deadlineMs = 5_000,
): { served: Promise<Served>; socket: ReturnType<typeof invocationRequest>['socket'] } {
  const { req, socket } = invocationRequest({ url: '/orders?id=1' });
  return { served: serveRequest(listener, req, socket, deadlineMs), socket };
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('serveRequest', () => {
  it('settles with the response once the app finishes it: status, headers, whole body', async () => {
    const { served } = serve((_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json', 'x-id': '7' });
      res.write('{"id":');
      res.end('7}');
    });
    const outcome = await served;
    expect(outcome.kind).toBe('response');
    if (outcome.kind !== 'response') return;
    expect(outcome.response.statusCode).toBe(201);
    expect(outcome.response.headers.get('x-id')).toEqual(['7']);
    expect(outcome.response.body).toBe('{"id":7}');
  });

  it('gives the app the request it was handed', async () => {
    let seen = '';
    const { served } = serve((req, res) => {
      seen = `${req.method} ${req.url}`;
      res.end();
    });
    await served;
    expect(seen).toBe('GET /orders?id=1');
  });

  it.each([
    [
      'throws',
      () => {
        throw new Error('boom');
      },
      'the app threw',
      undefined,
    ],
    ['rejects', () => Promise.reject(new Error('boom')), 'the app rejected', undefined],
    [
      'destroys its response with an error (named in the failure)',
      (_req: unknown, res: ServerResponse) => res.destroy(new Error('boom')),
      'the response',
      'Error: boom',
    ],
    [
      'destroys its response midway',
      (_req: unknown, res: ServerResponse) => (res.write('partial'), res.destroy()),
      'the response',
      undefined,
    ],
  ] as const)('settles with a 500 failure when the app %s, and closes the connection', async (_how, listener, reason, error) => {
    const { served, socket } = serve(listener as Listener);
    const outcome = await served;
    expect(outcome).toStrictEqual({ kind: 'failure', statusCode: 500, reason: expect.stringContaining(reason), error });
    expect(socket.destroyed).toBe(true);
  });

  it('settles with a 504 failure when the app is still busy at the deadline', async () => {
    const { served, socket } = serve(() => undefined, 20);
    expect(await served).toEqual({ kind: 'failure', statusCode: 504, reason: expect.stringContaining('in time') });
    expect(socket.destroyed).toBe(true);
  });

  it('settles once: a rejection after the response finished does not turn it into a failure', async () => {
    const { served } = serve(async (_req, res) => {
      res.end('done');
      await nextTurn();
      throw new Error('after the answer');
    });
    const outcome = await served;
    expect(outcome.kind).toBe('response');
  });

  it('an answer after the 504 reaches nothing: the closed connection keeps none of it', async () => {
    let answerLate: () => void = () => undefined;
    const { served, socket } = serve((_req, res) => {
      answerLate = () => res.end('too late');
    }, 10);
    expect(await served).toMatchObject({ kind: 'failure', statusCode: 504 });
    answerLate();
    await nextTurn();
    expect(socket.chunks).toEqual([]);
  });

  it("closes the connection after a finished response, so the response emits 'close' as after a real exchange", async () => {
    let closed = false;
    const { served, socket } = serve((_req, res) => {
      res.on('close', () => (closed = true));
      res.end('ok');
    });
    await served;
    await nextTurn();
    expect(socket.destroyed).toBe(true);
    expect(closed).toBe(true);
  });

  it('frames no body in chunks: a body written in pieces arrives as its bytes', async () => {
    const { served } = serve((_req, res) => {
      res.write('a');
      res.write(Buffer.from('b'));
      res.end('c');
    });
    const outcome = await served;
    if (outcome.kind !== 'response') throw new Error(`expected a response, got ${outcome.reason}`);
    expect(Buffer.from(outcome.response.body).toString()).toBe('abc');
    expect(outcome.response.headers.has('transfer-encoding')).toBe(false);
  });
});
