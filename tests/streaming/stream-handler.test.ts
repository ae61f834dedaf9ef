import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { installAwsLambdaGlobal, invokeStreamingHandler, PRELUDE_CONTENT_TYPE } from '../../dev/lambda-runtime/instance/awslambda-global';
import { createStreamHandler } from '../../shared';
import { testStreamHandler } from '../support/apps';
import { albMulti, albSingle } from '../support/formats/alb';
import { httpV2 } from '../support/formats/http-v2';
import { restV1 } from '../support/formats/rest-v1';
import { readGenericResult } from '../support/formats/format-fixture';
import { lambdaContext } from '../support/lambda-context';
import { captureLogs } from '../support/log-capture';
import { httpApiV1Event } from '../../dev/sample-events/rest-v1-event';
import { request } from '../../dev/sample-events/sample-request';
import { restV1Stream } from '../support/stream-formats';
import { RecordingSink, splitPrelude } from '../support/stream-sink';

const restoreGlobal = installAwsLambdaGlobal();
afterAll(() => restoreGlobal());

type Listener = (req: IncomingMessage, res: ServerResponse) => unknown;

async function invoke(listener: Listener, event: unknown = restV1Stream.buildEvent(request({ path: '/x' }))) {
  const sink = new RecordingSink();
  const stream = await invokeStreamingHandler(createStreamHandler(listener), event, lambdaContext(), () => sink);
  return { stream, bytes: sink.bytes };
}

/** Invokes a handler expected to fail: what it rejected with, and what its stream carried until then. */
async function invokeFailing(listener: Listener) {
  const sink = new RecordingSink();
  const event = restV1Stream.buildEvent(request({ path: '/x' }));
  const failure = await invokeStreamingHandler(createStreamHandler(listener), event, lambdaContext(), () => sink).then(
    () => undefined,
    (error: unknown) => error,
  );
  await once(sink, 'finish');
  return { failure, bytes: sink.bytes };
}

describe('createStreamHandler', () => {
  const logs = captureLogs();

  it('throws, saying why, where the awslambda global is missing (plain Node)', () => {
    const restore = (globalThis as { awslambda?: unknown }).awslambda;
    delete (globalThis as { awslambda?: unknown }).awslambda;
    try {
      expect(() => createStreamHandler(() => undefined)).toThrow(/awslambda.*global.*missing/);
    } finally {
      (globalThis as { awslambda?: unknown }).awslambda = restore;
    }
  });

  it('returns the handler marked by awslambda.streamifyResponse, as the runtime looks for it', () => {
    const handler = createStreamHandler(() => undefined) as unknown as Record<symbol, unknown>;
    expect(handler[Symbol.for('aws.lambda.runtime.handler.streaming')]).toBe('response');
  });

  it.each([
    [
      'throws',
      (): never => {
        throw new Error('secret failure detail');
      },
    ],
    [
      'rejects',
      async (): Promise<never> => {
        await Promise.resolve();
        throw new Error('secret failure detail');
      },
    ],
  ])('an app that %s before its head gets 500 JSON without its message, and one log line', async (_case, listener) => {
    const { stream, bytes } = await invoke(listener);
    expect(stream.contentType).toBe(PRELUDE_CONTENT_TYPE);
    const { prelude, body } = splitPrelude(bytes);
    expect(prelude['statusCode']).toBe(500);
    expect(JSON.parse(body.toString('utf8'))).toEqual({ message: 'Internal Server Error' });
    expect(logs()).toHaveLength(1);
    expect(logs()[0]?.json).toMatchObject({ level: 'ERROR' });
    expect(logs()[0]?.raw).not.toContain('secret failure detail');
  });

  it('an app that throws after its head fails the invocation (StreamCutError, not its message) after what it wrote, and one log line', async () => {
    const { failure, bytes } = await invokeFailing((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('started');
      throw new Error('secret failure detail');
    });
    const { prelude, body } = splitPrelude(bytes);
    expect(prelude['statusCode']).toBe(200);
    expect(body.toString('utf8')).toBe('started');
    expect(failure).toBeInstanceOf(Error);
    expect(failure).toMatchObject({ name: 'StreamCutError', message: expect.stringContaining('the app threw') });
    expect(String(failure)).not.toContain('secret failure detail');
    expect(logs()).toHaveLength(1);
  });

  it('an app that sets Transfer-Encoding: chunked itself streams its bytes without the framing', async () => {
    const { bytes } = await invoke((_req, res) => {
      res.writeHead(200, { 'transfer-encoding': 'chunked', 'content-type': 'text/plain' });
      res.write('first|');
      setImmediate(() => res.end('second'));
    });
    const { prelude, body } = splitPrelude(bytes);
    expect(body.toString('utf8')).toBe('first|second');
    expect(prelude['headers']).not.toHaveProperty('transfer-encoding');
  });

  it('an app-declared Content-Length stays out of the prelude', async () => {
    const { bytes } = await invoke((_req, res) => {
      res.writeHead(200, { 'content-length': '5', 'content-type': 'text/plain' });
      res.end('hello');
    });
    const { prelude, body } = splitPrelude(bytes);
    expect(prelude['headers']).not.toHaveProperty('content-length');
    expect(body.toString('utf8')).toBe('hello');
  });

  // Pins clearNeedDrain (response-stream-socket.ts), which relies on Node's internal kNeedDrain symbol.
  it("a response that met back-pressure and drained takes a pipe() afterwards, as on Node's own server", async () => {
    const big = Buffer.alloc(128 * 1024, 'a');
    const sink = new RecordingSink({ slow: true });
    const listener: Listener = async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      if (res.write(big)) throw new Error('expected back-pressure from the slow reader');
      await once(res, 'drain');
      Readable.from(['|piped']).pipe(res);
    };
    await invokeStreamingHandler(
      createStreamHandler(listener),
      restV1Stream.buildEvent(request({ path: '/x' })),
      lambdaContext(),
      () => sink,
    );
    const bytes = sink.bytes;
    const { body } = splitPrelude(bytes);
    expect(body.length).toBe(big.length + '|piped'.length);
    expect(body.subarray(big.length).toString('utf8')).toBe('|piped');
  });

  it('an app start that fails answers 500 JSON on every invocation', async () => {
    const failing = { ready: () => Promise.reject(new Error('no database')), routing: () => undefined };
    const handler = createStreamHandler(failing as never);
    const sink = new RecordingSink();
    await invokeStreamingHandler(handler, restV1Stream.buildEvent(request({ path: '/x' })), lambdaContext(), () => sink);
    expect(splitPrelude(sink.bytes).prelude['statusCode']).toBe(500);
  });
});

describe('a streaming function wired to a source that cannot stream', () => {
  const logs = captureLogs();

  // Payload 1.0 has REST's shape but comes from an HTTP API, which invokes with Invoke all the same.
  const httpApiV1: typeof restV1 = { ...restV1, buildEvent: (spec) => ({ ...httpApiV1Event(spec) }) };

  // An event the helper could not read is no less mis-wired: the wiring is what the log must say.
  const asIs = (event: Record<string, unknown>): Record<string, unknown> => event;
  const unreadable = (event: Record<string, unknown>): Record<string, unknown> => ({ ...event, isBase64Encoded: 'true' });

  it.each([
    ['HTTP API', httpV2, asIs],
    ['HTTP API payload 1.0', httpApiV1, asIs],
    ['ALB single-value', albSingle, asIs],
    ['ALB multi-value', albMulti, asIs],
    ['HTTP API, an event it cannot read', httpV2, unreadable],
    ['ALB, an event it cannot read', albSingle, unreadable],
  ])("%s: one ERROR line says so, and the stream carries that source's buffered 500 result", async (_name, format, alter) => {
    const { handler } = testStreamHandler('express');
    const sink = new RecordingSink();
    const event = alter(format.buildEvent(request({ path: '/ping' })));
    const stream = await invokeStreamingHandler(handler, event, lambdaContext(), () => sink);
    // Such sources invoke with Invoke and read the whole stream as the result: no prelude.
    expect(stream.contentType).not.toBe(PRELUDE_CONTENT_TYPE);
    const result: unknown = JSON.parse(sink.bytes.toString('utf8'));
    expect(format.shapeProblems(result)).toEqual([]);
    expect(readGenericResult(result).status).toBe(500);
    const lines = logs();
    expect(lines).toHaveLength(1);
    expect(lines[0]?.json).toMatchObject({ level: 'ERROR' });
    expect(lines[0]?.raw).toMatch(/cannot invoke a streaming function/);
  });
});
