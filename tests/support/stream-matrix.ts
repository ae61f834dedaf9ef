import { finished } from 'node:stream/promises';
import type { Context } from 'aws-lambda';
import { installAwsLambdaGlobal, invokeStreamingHandler } from '../../dev/lambda-runtime/instance/awslambda-global';
import type { ProxyOptions } from '../../shared';
import { FRAMEWORKS, testStreamHandler, type FrameworkName } from './apps';
import { readGenericResult, type ReadResult } from './formats/format-fixture';
import { lambdaContext } from './lambda-context';
import type { RequestSpec } from '../../dev/sample-events/sample-request';
import { STREAM_FORMATS, type StreamFormatFixture } from './stream-formats';
import { bodyArrivals, RecordingSink, splitPrelude } from './stream-sink';

// Each test file has its own global scope: the runtime's global is there before any handler is made.
installAwsLambdaGlobal();

/** One streaming cell of the format x framework matrix. */
export interface StreamCell {
  readonly format: StreamFormatFixture;
  readonly framework: FrameworkName;
}

export const STREAM_CELL_ROWS: [string, StreamCell][] = STREAM_FORMATS.flatMap((format) =>
  FRAMEWORKS.map((framework): [string, StreamCell] => [`${format.name} x ${framework}`, { format, framework }]),
);

export interface StreamExchange {
  readonly event: unknown;
  /** The content type the stream declared to the Runtime API. */
  readonly contentType: string;
  readonly prelude: Record<string, unknown>;
  /** The prelude and body as a client reads them. */
  readonly response: ReadResult;
  /** The body's bytes as each write brought them. */
  readonly arrivals: Buffer[];
  readonly appRequests: number;
  /** What the invocation rejected with (a response cut after its head), or undefined when it resolved. */
  readonly failure: unknown;
}

export interface StreamExchangeOptions {
  readonly options?: ProxyOptions;
  readonly context?: Context;
  readonly alter?: (event: Record<string, unknown>) => unknown;
  readonly sink?: RecordingSink;
}

/**
 * Sends one request through a streaming cell as the runtime would: the handler gets a fresh
 * response stream into a sink and must have ended it when its promise resolves (else this
 * rejects, as the runtime fails such an invocation). A handler that rejects is the runtime's
 * failed invocation: its error is `failure`, with what the stream carried until then.
 */
export async function streamExchange(cell: StreamCell, spec: RequestSpec, how: StreamExchangeOptions = {}): Promise<StreamExchange> {
  const { handler, stats } = testStreamHandler(cell.framework, how.options);
  const built = cell.format.buildEvent(spec);
  const event = how.alter ? how.alter(built) : built;
  const sink = how.sink ?? new RecordingSink();
  const before = stats.received;
  let contentType = '';
  const open = (type: string): RecordingSink => {
    contentType = type;
    return sink;
  };
  const failure = await invokeStreamingHandler(handler, event, how.context ?? lambdaContext(), open).then(
    () => undefined,
    (error: unknown) => error ?? new Error('rejected without a reason'),
  );
  // A failed invocation's stream still ends (the runtime's fail path): read it once the sink has all of it.
  if (failure !== undefined && !sink.writableFinished) await finished(sink).catch(() => undefined);
  const { prelude, bodyOffset, body } = splitPrelude(sink.bytes);
  return {
    event,
    contentType,
    prelude,
    response: { ...readGenericResult({ ...prelude, body: '' }), body },
    arrivals: bodyArrivals(sink.arrivals, bodyOffset),
    appRequests: stats.received - before,
    failure,
  };
}
