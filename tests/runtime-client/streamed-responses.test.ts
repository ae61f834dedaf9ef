import { invokeFunction } from './launch-runtime-client';

// What the real client sends to the Runtime API for a handler wrapped by awslambda.streamifyResponse.

const STREAMED = (body: string) => ({
  'index.js': `exports.handler = awslambda.streamifyResponse(async (event, responseStream, context) => {\n${body}\n});`,
});
const SPEC = { handler: 'index.handler' };
const NUL8 = Buffer.alloc(8);
const MARK = (name: string) => `await fetch("http://" + process.env.AWS_LAMBDA_RUNTIME_API + "/test/mark/${name}");`;

describe('the real client streams a response', () => {
  it('HttpResponseStream.from: posts the JSON prelude, 8 NUL bytes, then the body, with the streaming headers', async () => {
    const { outcome } = await invokeFunction(
      STREAMED(`const stream = awslambda.HttpResponseStream.from(responseStream, { statusCode: 201, headers: { "x-a": "b" }, cookies: ["c=1", "d=2"] });
        stream.write("hello ");
        stream.write(Buffer.from([0, 255]));
        stream.end("world");`),
      SPEC,
      { event: {} },
    );
    const prelude = JSON.stringify({ statusCode: 201, headers: { 'x-a': 'b' }, cookies: ['c=1', 'd=2'] });
    expect(outcome.body).toEqual(
      Buffer.concat([Buffer.from(prelude), NUL8, Buffer.from('hello '), Buffer.from([0, 255]), Buffer.from('world')]),
    );
    expect(outcome.headers).toMatchObject({
      'lambda-runtime-function-response-mode': 'streaming',
      'content-type': 'application/vnd.awslambda.http-integration-response',
      'transfer-encoding': 'chunked',
      trailer: 'Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body',
    });
    expect(outcome.trailers).toEqual({});
  });

  it('without HttpResponseStream.from: raw bytes as application/octet-stream, or the type set with setContentType', async () => {
    const raw = await invokeFunction(STREAMED('responseStream.write("raw"); responseStream.end();'), SPEC, { event: {} });
    expect(raw.outcome.headers['content-type']).toBe('application/octet-stream');
    expect(raw.outcome.body.toString()).toBe('raw');

    const typed = await invokeFunction(STREAMED('responseStream.setContentType("text/plain"); responseStream.end("typed");'), SPEC, {
      event: {},
    });
    expect(typed.outcome.headers['content-type']).toBe('text/plain');
  });

  it('a response that only calls end() sends no prelude at all: an empty body under the prelude content type', async () => {
    const { outcome } = await invokeFunction(
      STREAMED('awslambda.HttpResponseStream.from(responseStream, { statusCode: 204 }).end();'),
      SPEC,
      { event: {} },
    );
    expect(outcome.headers['content-type']).toBe('application/vnd.awslambda.http-integration-response');
    expect(outcome.body).toEqual(Buffer.alloc(0));
  });

  it('end(data) without a write() sends the data with no prelude (end bypasses the hook on write)', async () => {
    const { outcome } = await invokeFunction(
      STREAMED('awslambda.HttpResponseStream.from(responseStream, { statusCode: 200 }).end("only-end");'),
      SPEC,
      { event: {} },
    );
    expect(outcome.body.toString()).toBe('only-end');
  });

  it('an empty write("") is a first write: the prelude and delimiter go out with no body', async () => {
    const { outcome } = await invokeFunction(
      STREAMED('const s = awslambda.HttpResponseStream.from(responseStream, { statusCode: 204 }); s.write(""); s.end();'),
      SPEC,
      { event: {} },
    );
    expect(outcome.body).toEqual(Buffer.concat([Buffer.from('{"statusCode":204}'), NUL8]));
  });

  it('an error thrown after the stream started keeps the bytes sent and reports the error in the trailers', async () => {
    const { outcome } = await invokeFunction(
      STREAMED('responseStream.write("partial"); await new Promise((r) => setTimeout(r, 10)); throw new RangeError("late failure");'),
      SPEC,
      { event: {} },
    );
    expect(outcome.kind).toBe('response');
    expect(outcome.body.toString()).toBe('partial');
    expect(outcome.trailers['lambda-runtime-function-error-type']).toBe('RangeError');
    const body = JSON.parse(
      Buffer.from(outcome.trailers['lambda-runtime-function-error-body'] ?? '', 'base64').toString('utf8'),
    ) as unknown;
    expect(body).toEqual({
      errorType: 'RangeError',
      errorMessage: 'late failure',
      trace: expect.arrayContaining(['RangeError: late failure']) as unknown,
    });
  });

  it('a handler that does not return a promise fails the stream with a trailer', async () => {
    const files = { 'index.js': 'exports.handler = awslambda.streamifyResponse((event, stream) => { stream.write("x"); });' };
    const { outcome } = await invokeFunction(files, SPEC, { event: {} });
    expect(outcome.trailers['lambda-runtime-function-error-type']).toBe('Error');
    expect(Buffer.from(outcome.trailers['lambda-runtime-function-error-body'] ?? '', 'base64').toString()).toContain(
      'Streaming does not support non-async handlers.',
    );
  });

  it('write() returns false once 64 KiB (writableHighWaterMark) are pending and drain follows; every byte arrives in order', async () => {
    const { outcome, stdout } = await invokeFunction(
      STREAMED(`const chunk = (i) => Buffer.alloc(16 * 1024, i);
        const results = [];
        for (let i = 0; i < 64; i++) {
          const accepted = responseStream.write(chunk(i));
          results.push(accepted);
          if (!accepted) await new Promise((resolve) => responseStream.once("drain", resolve));
        }
        responseStream.end();
        console.log(JSON.stringify({ results, hwm: responseStream.writableHighWaterMark }));`),
      SPEC,
      { event: {} },
    );
    const seen = JSON.parse(stdout[0]?.split('\t')[3] ?? '') as { results: boolean[]; hwm: number };
    expect(seen.results).toContain(false);
    expect(seen.results[0]).toBe(true);
    expect(seen.hwm).toBe(64 * 1024);
    expect(outcome.body.length).toBe(64 * 16 * 1024);
    for (let i = 0; i < 64; i++) expect(outcome.body[i * 16 * 1024]).toBe(i);
  });

  it('the runtime waits for the stream to end after the handler promise resolved, before the next invocation', async () => {
    const { timeline } = await invokeFunction(
      STREAMED(`${MARK('returned')}
        setTimeout(async () => { ${MARK('ending')} responseStream.end("late end"); }, 50);`),
      SPEC,
      { event: {} },
    );
    expect(timeline.map((entry) => (entry.kind === 'mark' ? entry.detail : entry.kind))).toEqual([
      'next',
      'returned',
      'ending',
      // Node sends the POST's headers with the first write or end: the Runtime API hears nothing before.
      'response-start',
      'response-end',
      'next',
    ]);
  });

  it('the runtime waits for the handler promise after the stream ended, before the next invocation', async () => {
    const { timeline } = await invokeFunction(
      STREAMED(`responseStream.end("early end");
        // Gives the end time to reach the Runtime API before the mark travels there on another connection.
        await new Promise((r) => setTimeout(r, 200));
        ${MARK('settled')}`),
      SPEC,
      { event: {} },
    );
    expect(timeline.map((entry) => (entry.kind === 'mark' ? entry.detail : entry.kind))).toEqual([
      'next',
      'response-start',
      'response-end',
      'settled',
      'next',
    ]);
  });

  it('a value returned by a streaming handler is ignored with a warning', async () => {
    const { outcome, stdout } = await invokeFunction(STREAMED('responseStream.end("body"); return { statusCode: 200 };'), SPEC, {
      event: {},
    });
    expect(outcome.body.toString()).toBe('body');
    expect(stdout.some((line) => line.includes('\tWARN\tStreaming handlers ignore return values.'))).toBe(true);
  });

  it('the stream handed to the handler is not a stream.Writable but an object with a fixed set of methods', async () => {
    const { stdout } = await invokeFunction(
      STREAMED(`const { Writable } = require("node:stream");
        console.log(JSON.stringify({ writable: responseStream instanceof Writable, pipe: typeof responseStream.pipe, keys: Object.keys(responseStream).sort(), needDrain: typeof responseStream.writableNeedDrain, finished: responseStream.writableFinished }));
        responseStream.end();`),
      SPEC,
      { event: {} },
    );
    const seen = JSON.parse(stdout[0]?.split('\t')[3] ?? '') as {
      writable: boolean;
      pipe: string;
      keys: string[];
      needDrain: string;
      finished: boolean;
    };
    expect(seen.writable).toBe(false);
    expect(seen.pipe).toBe('undefined');
    expect(seen.keys).toEqual(expect.arrayContaining(['write', 'end', 'on', 'once', 'setContentType', 'cork', 'destroy']));
    // The writable* state is there as getters (not enumerable).
    expect(seen.needDrain).toBe('boolean');
    expect(seen.finished).toBe(false);
  });
});
