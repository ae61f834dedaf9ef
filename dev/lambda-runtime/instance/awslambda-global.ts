import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Context } from 'aws-lambda';
import type { InvokeStore } from './create-invoke-store';
import type { LambdaContext } from './create-lambda-context';
import { MalformedStreamingHandlerError } from './runtime-errors';

/**
 * The Lambda Node.js runtime's `awslambda` global, for local runs and tests: `streamifyResponse`
 * and `HttpResponseStream.from` with the runtime's semantics (aws-lambda-ric 4.x), and the
 * response stream it hands a streaming handler. What a handler does with them reaches a Node
 * `Writable` (the body of a request to a local Runtime API, or a sink in memory) byte for byte
 * as it would reach the Runtime API, with back-pressure as real as the writable's.
 */

type WriteCallback = (error?: Error | null) => void;

/** The marks the runtime reads on a handler to invoke it as a streaming one. */
export const STREAMING_MARK = Symbol.for('aws.lambda.runtime.handler.streaming');
/** The one value of STREAMING_MARK the runtime accepts. */
const RESPONSE_STREAMING = 'response';
export const HIGH_WATER_MARK_MARK = Symbol.for('aws.lambda.runtime.handler.streaming.highWaterMark');
/** The content type of a stream that starts with a prelude: API Gateway and Function URLs read it. */
export const PRELUDE_CONTENT_TYPE = 'application/vnd.awslambda.http-integration-response';
/** The 8 NUL bytes between the prelude and the body. */
export const PRELUDE_DELIMITER = new Uint8Array(8);
/** What the runtime declares for a stream whose handler set none. */
export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/**
 * How much the runtime's stream holds before write() returns false (its Node 24 request's
 * default). `streamifyResponse`'s highWaterMark option sizes the runtime's socket, not this.
 */
export const RUNTIME_HIGH_WATER_MARK = 64 * 1024;

/**
 * Where a stream's bytes go. `reportFailure`, when the sink has it, hears a handler's error just
 * before the end, as the runtime puts it in its post's trailers.
 */
export type ResponseSink = Writable & { reportFailure?(error: unknown): void };

/** Opens where a stream's bytes go, once its content type is final (at its first write or its end). */
export type OpenSink = (contentType: string) => ResponseSink;

/**
 * The stream a streaming handler writes to. As in the runtime: the content type can change only
 * until the first `write()`; that first `write()` (and only `write()`, never `end(chunk)`) first
 * runs `_onBeforeFirstWrite`, which is how `HttpResponseStream.from` puts the prelude in front.
 */
export class ResponseStream extends Writable {
  /** Set by `HttpResponseStream.from`: the runtime's hook, called with a raw write before the first write. */
  _onBeforeFirstWrite: ((write: (chunk: string | Uint8Array) => void) => void) | undefined;
  private type = DEFAULT_CONTENT_TYPE;
  private writeCalled = false;
  private sink: ResponseSink | undefined;
  private failure: { error: unknown } | undefined;
  private readonly open: OpenSink;

  constructor(open: OpenSink, highWaterMark = RUNTIME_HIGH_WATER_MARK) {
    super({ highWaterMark });
    this.open = open;
    // The runtime listens for its response request's errors itself (aws-lambda-ric's
    // createResponseStream), so a dropped connection fails the invocation rather than the
    // process: a handler without an 'error' listener, the common case, survives a client that
    // leaves, as on Lambda. The error still reaches the invocation through `finished(stream)`.
    this.on('error', () => undefined);
  }

  get contentType(): string {
    return this.type;
  }

  setContentType(contentType: string): void {
    if (this.writeCalled) throw new Error('Cannot set content-type, too late.');
    this.type = contentType;
  }

  override write(chunk: unknown, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback): boolean {
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    // The runtime sends anything else as its JSON.
    const data = typeof chunk === 'string' || chunk instanceof Uint8Array ? chunk : JSON.stringify(chunk);
    if (!this.writeCalled && typeof this._onBeforeFirstWrite === 'function') {
      this._onBeforeFirstWrite((early) => void super.write(early));
    }
    this.writeCalled = true;
    return callback ? super.write(data, encoding ?? 'utf8', callback) : super.write(data, encoding ?? 'utf8');
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: WriteCallback): void {
    const sink = this.openSink();
    if (sink.write(chunk)) callback();
    else sink.once('drain', () => callback());
  }

  override _final(callback: WriteCallback): void {
    const sink = this.openSink();
    if (this.failure) sink.reportFailure?.(this.failure.error);
    sink.end(() => callback());
  }

  /** Ends the stream after what was written, telling the sink the handler failed (the runtime's fail path). */
  endWithFailure(error: unknown): void {
    this.failure = { error };
    if (!this.writableEnded && !this.destroyed) this.end();
  }

  private openSink(): ResponseSink {
    if (!this.sink) {
      this.sink = this.open(this.type);
      this.sink.once('error', (error) => this.destroy(error));
    }
    return this.sink;
  }
}

/** `awslambda.HttpResponseStream`: a stream whose first write sends the prelude, then the delimiter. */
export const HttpResponseStream = {
  from(stream: ResponseStream, prelude: Record<string, unknown>): ResponseStream {
    stream.setContentType(PRELUDE_CONTENT_TYPE);
    const json = JSON.stringify(prelude);
    stream._onBeforeFirstWrite = (write) => {
      write(json);
      write(PRELUDE_DELIMITER);
    };
    return stream;
  },
};

export type StreamingHandler = (event: unknown, stream: ResponseStream, context: Context) => unknown;

/** `awslambda.streamifyResponse`: marks the handler as a streaming one and returns it. */
export function streamifyResponse<H extends StreamingHandler>(handler: H, options?: { highWaterMark?: number }): H {
  const marks = handler as unknown as Record<symbol, unknown>;
  marks[STREAMING_MARK] = RESPONSE_STREAMING;
  if (typeof options?.highWaterMark === 'number') marks[HIGH_WATER_MARK_MARK] = Math.trunc(options.highWaterMark);
  return handler;
}

/** Whether `streamifyResponse` marked the handler; a mark other than response streaming is an error, as in the runtime. */
export function isStreamingHandler(handler: unknown): handler is StreamingHandler {
  if (typeof handler !== 'function') return false;
  const mark = (handler as unknown as Record<symbol, unknown>)[STREAMING_MARK];
  if (!mark) return false;
  if (mark === RESPONSE_STREAMING) return true;
  throw new MalformedStreamingHandlerError('Only response streaming is supported.');
}

/**
 * Defines `globalThis.awslambda` as nodejs24.x's runtime does, keeping any other member already
 * there: `streamifyResponse`, `HttpResponseStream` and, in a function instance, the runtime's
 * `InvokeStore`. As in the runtime, AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA=1 (or true) leaves it
 * undefined. Returns how to put back what was there before.
 */
export function installAwsLambdaGlobal(invokeStore?: InvokeStore, env: NodeJS.ProcessEnv = process.env): () => void {
  const scope = globalThis as { awslambda?: unknown };
  const had = 'awslambda' in scope;
  const before = scope.awslambda;
  const restore = () => {
    if (had) scope.awslambda = before;
    else delete scope.awslambda;
  };
  if (['1', 'true'].includes(env.AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA ?? '')) return restore;
  scope.awslambda = {
    ...(typeof before === 'object' ? before : {}),
    streamifyResponse,
    HttpResponseStream,
    ...(invokeStore ? { InvokeStore: invokeStore } : {}),
  };
  return restore;
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

/**
 * The runtime calls a streaming handler as a method of its StreamingInvokeProcessor, which is
 * what an anonymous handler's stack frames are named after (`at StreamingInvokeProcessor.handler`).
 */
class StreamingInvokeProcessor {
  constructor(readonly handler: StreamingHandler) {}
}

/**
 * Invokes a streaming handler as nodejs24.x's runtime does, its bytes going to `open`: the
 * invocation ends once the handler's promise has settled AND its stream has ended (a handler that
 * resolves before `end()` keeps it open, until the function's Timeout if need be). A value the
 * handler returns is ignored with the runtime's warning. A throw or rejection ends the stream with
 * what was written (the sink hears the error) and is rethrown without waiting for that end, as the
 * runtime does not wait for its fail path.
 */
export async function invokeStreamingHandler(
  handler: unknown,
  event: unknown,
  context: LambdaContext | Context,
  open: OpenSink,
): Promise<ResponseStream> {
  if (!isStreamingHandler(handler)) throw new Error('The handler is not wrapped by awslambda.streamifyResponse');
  const stream = new ResponseStream(open);
  try {
    // nodejs24.x's context lacks the callback-era members @types/aws-lambda's Context still declares.
    const returned = new StreamingInvokeProcessor(handler).handler(event, stream, context as Context);
    if (!isThenable(returned)) throw new Error('Streaming does not support non-async handlers.');
    if ((await returned) !== undefined) console.warn('Streaming handlers ignore return values.');
  } catch (error) {
    stream.endWithFailure(error);
    throw error;
  }
  await finished(stream);
  return stream;
}
