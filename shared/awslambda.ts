import type { Context } from 'aws-lambda';

type WriteCallback = (error?: Error | null) => void;

/**
 * The response stream the Lambda Node.js runtime hands a streaming handler, as the helper uses
 * it. In the runtime it is the body of an HTTP request to the Runtime API: `write()` returns
 * false while that request's socket is full, and `drain` follows.
 */
export interface LambdaResponseStream {
  write(chunk: string | Uint8Array, callback?: WriteCallback): boolean;
  end(callback?: () => void): unknown;
  once(event: 'drain' | 'finish' | 'close', listener: () => void): unknown;
  once(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'drain', listener: () => void): unknown;
  off(event: 'drain' | 'finish' | 'close', listener: () => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
  readonly writableNeedDrain: boolean;
  readonly writableEnded: boolean;
  readonly writableFinished: boolean;
  readonly destroyed: boolean;
}

/** A handler as `streamifyResponse` takes it: the runtime waits for its promise, then for the stream. */
export type LambdaStreamHandler = (event: unknown, responseStream: LambdaResponseStream, context: Context) => Promise<void>;

/** What the helper needs of the runtime's `awslambda` global. */
export interface AwsLambdaGlobal {
  streamifyResponse(handler: LambdaStreamHandler, options?: { highWaterMark?: number }): LambdaStreamHandler;
  readonly HttpResponseStream: {
    /** Makes the stream's first `write()` send `prelude` as JSON and 8 NUL bytes before the body. */
    from(stream: LambdaResponseStream, prelude: Record<string, unknown>): LambdaResponseStream;
  };
}

function isAwsLambdaGlobal(value: unknown): value is AwsLambdaGlobal {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<AwsLambdaGlobal>;
  return typeof candidate.streamifyResponse === 'function' && typeof candidate.HttpResponseStream?.from === 'function';
}

/**
 * The runtime's `awslambda` global. Only the Lambda Node.js runtime (or a local runtime that
 * provides it) defines it; anywhere else a streaming handler could never be invoked, so this
 * says so at once instead of failing on the first request.
 */
export function requireAwsLambda(): AwsLambdaGlobal {
  const found: unknown = (globalThis as { awslambda?: unknown }).awslambda;
  if (isAwsLambdaGlobal(found)) return found;
  throw new Error(
    'createStreamHandler needs the Lambda Node.js runtime: the `awslambda` global (streamifyResponse, ' +
      'HttpResponseStream) is missing, as in plain Node. Run it in Lambda or in a local runtime that provides it.',
  );
}
