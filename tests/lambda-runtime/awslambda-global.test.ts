import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import {
  DEFAULT_CONTENT_TYPE,
  HttpResponseStream,
  invokeStreamingHandler,
  PRELUDE_CONTENT_TYPE,
  ResponseStream,
  streamifyResponse,
} from '../../dev/lambda-runtime/instance/awslambda-global';
import { lambdaContext } from '../support/lambda-context';
import { RecordingSink } from '../support/stream-sink';

const NULS = '\0'.repeat(8);

function streamInto(sink: Writable, highWaterMark?: number): { stream: ResponseStream; opened: string[] } {
  const opened: string[] = [];
  const stream = new ResponseStream((contentType) => {
    opened.push(contentType);
    return sink;
  }, highWaterMark);
  return { stream, opened };
}

const ended = (stream: Writable): Promise<void> => new Promise((resolve) => stream.end(resolve));

describe('the local awslambda global', () => {
  it('HttpResponseStream.from sends the prelude JSON and 8 NUL bytes on the first write, then the body', async () => {
    const sink = new RecordingSink();
    const { stream, opened } = streamInto(sink);
    HttpResponseStream.from(stream, { statusCode: 201, headers: { a: 'b' } });
    stream.write('body');
    stream.write(Buffer.from(' more'));
    await ended(stream);
    expect(opened).toEqual([PRELUDE_CONTENT_TYPE]);
    expect(sink.bytes.toString('latin1')).toBe(`{"statusCode":201,"headers":{"a":"b"}}${NULS}body more`);
  });

  it('as in the runtime, end() alone sends no prelude: only write() does', async () => {
    const sink = new RecordingSink();
    const { stream } = streamInto(sink);
    HttpResponseStream.from(stream, { statusCode: 204 });
    await ended(stream);
    expect(sink.bytes).toHaveLength(0);
  });

  it('an empty first write() is enough to send the prelude', async () => {
    const sink = new RecordingSink();
    const { stream } = streamInto(sink);
    HttpResponseStream.from(stream, { statusCode: 204 });
    stream.write(Buffer.alloc(0));
    await ended(stream);
    expect(sink.bytes.toString('latin1')).toBe(`{"statusCode":204}${NULS}`);
  });

  it('the content type can change until the first write, not after', async () => {
    const sink = new RecordingSink();
    const { stream, opened } = streamInto(sink);
    stream.setContentType('text/plain');
    stream.write('x');
    expect(() => stream.setContentType('text/html')).toThrow(/too late/);
    await ended(stream);
    expect(opened).toEqual(['text/plain']);
  });

  it('a stream nothing set a content type for declares the runtime default', async () => {
    const { stream, opened } = streamInto(new RecordingSink());
    await ended(stream);
    expect(opened).toEqual([DEFAULT_CONTENT_TYPE]);
  });

  it('write() returns false once a slow sink is full, and drain follows', async () => {
    const { stream } = streamInto(new RecordingSink({ slow: true }), 1024);
    const accepted = stream.write(Buffer.alloc(64 * 1024));
    expect(accepted).toBe(false);
    await new Promise<void>((resolve) => stream.once('drain', resolve));
    await ended(stream);
  });

  it('invokes a streamified handler whose stream ended before its promise resolved', async () => {
    const good = streamifyResponse(async (_event: unknown, stream: ResponseStream) => {
      await ended(stream.end('done') as ResponseStream);
    });
    await expect(invokeStreamingHandler(good, {}, lambdaContext(), () => new RecordingSink())).resolves.toBeInstanceOf(ResponseStream);
  });

  it('as the runtime, waits for the end() of a stream whose handler resolved before ending it', async () => {
    const sink = new RecordingSink();
    let endLater = (): void => undefined;
    const early = streamifyResponse(async (_event: unknown, stream: ResponseStream) => {
      stream.write('x');
      endLater = () => void stream.end('y');
    });
    let settled = false;
    const invocation = invokeStreamingHandler(early, {}, lambdaContext(), () => sink).finally(() => (settled = true));
    // The handler's promise has resolved by the next turn; the invocation has not, for its stream is open.
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    endLater();
    await expect(invocation).resolves.toBeInstanceOf(ResponseStream);
    expect(sink.bytes.toString()).toBe('xy');
  });

  it('warns that a value returned by a streaming handler is ignored, as the runtime does', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const returning = streamifyResponse(async (_event: unknown, stream: ResponseStream) => {
      stream.end('body');
      return { statusCode: 200 };
    });
    try {
      await invokeStreamingHandler(returning, {}, lambdaContext(), () => new RecordingSink());
      expect(warn).toHaveBeenCalledWith('Streaming handlers ignore return values.');
    } finally {
      warn.mockRestore();
    }
  });

  it('a handler that fails after writing: the stream ends with what was written, the sink hears the error, the invocation rejects with it', async () => {
    const failures: unknown[] = [];
    const sink = Object.assign(new RecordingSink(), { reportFailure: (error: unknown) => void failures.push(error) });
    const failure = new RangeError('late failure');
    const failing = streamifyResponse(async (_event: unknown, stream: ResponseStream) => {
      stream.write('partial');
      await Promise.resolve();
      throw failure;
    });
    await expect(invokeStreamingHandler(failing, {}, lambdaContext(), () => sink)).rejects.toBe(failure);
    await finished(sink);
    expect(sink.bytes.toString()).toBe('partial');
    expect(failures).toEqual([failure]);
  });

  it('refuses a handler streamifyResponse did not mark', async () => {
    const sink = new RecordingSink();
    await expect(
      invokeStreamingHandler(
        async () => undefined,
        {},
        lambdaContext(),
        () => sink,
      ),
    ).rejects.toThrow(/streamifyResponse/);
  });
});
