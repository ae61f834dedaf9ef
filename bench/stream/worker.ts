// One subject's process: installs the local `awslambda` global (dev/sam-model), loads the
// subject's bundle once, then on each request from the parent streams a batch of 10 MiB
// responses into a sink that takes every write at once. Run as plain JS (no TS loader).
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { installAwsLambdaGlobal, invokeStreamingHandler, PRELUDE_DELIMITER } from '../../dev/lambda-runtime/instance/awslambda-global';
import { createLambdaContext } from '../../dev/lambda-runtime/instance/create-lambda-context';
import { turnEventLoop } from '../harness/turn-event-loop';
import { makeStreamEvent } from './event';
import { makeChunk, STREAM_CHUNK_BYTES, STREAM_TOTAL_BYTES } from './payload';

export interface StreamBatchRequest {
  readonly warmup: number;
  readonly invocations: number;
}

export interface StreamBatchReport {
  /** Handler called to the first body byte reaching the sink, per invocation. */
  readonly ttfbMs: number[];
  /** Handler called to the stream finished (all bytes in the sink), per invocation. */
  readonly totalMs: number[];
  /** `ok`, or what was wrong with an answer (a wrong answer is not a fast one). */
  readonly verdict: string;
}

const DELIMITER = Buffer.from(PRELUDE_DELIMITER);

// Where every sink copies the body: one buffer for the process, as a socket's kernel buffer is reused.
const landing = Buffer.alloc(STREAM_TOTAL_BYTES);

/**
 * Where the Runtime API would read the stream: takes each write at once and copies its bytes
 * once (as a socket copies them into the kernel), so every subject pays for moving the bytes
 * and MB/s means bytes moved, not just writes counted. Notes when the body starts.
 */
class FullSpeedSink extends Writable {
  firstBodyAt = Number.NaN;
  bodyBytes = 0;
  prelude: Buffer | undefined;
  private head = Buffer.alloc(0);
  private readonly keepBody: Buffer[] | undefined;

  constructor(keepBody: boolean) {
    super({ highWaterMark: 1024 * 1024 });
    this.keepBody = keepBody ? [] : undefined;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    if (this.prelude) this.take(chunk);
    else {
      this.head = Buffer.concat([this.head, chunk]);
      const at = this.head.indexOf(DELIMITER);
      if (at !== -1) {
        this.prelude = this.head.subarray(0, at);
        const rest = this.head.subarray(at + DELIMITER.length);
        if (rest.length > 0) this.take(rest);
      }
    }
    callback();
  }

  get body(): Buffer {
    return Buffer.concat(this.keepBody ?? []);
  }

  private take(bytes: Buffer): void {
    if (this.bodyBytes === 0) this.firstBodyAt = performance.now();
    bytes.copy(landing, this.bodyBytes % STREAM_TOTAL_BYTES);
    this.bodyBytes += bytes.length;
    this.keepBody?.push(Buffer.from(bytes));
  }
}

function judge(sink: FullSpeedSink, expectedBody: Buffer | undefined): string {
  if (!sink.prelude) return 'no prelude';
  const prelude = JSON.parse(sink.prelude.toString('utf8')) as { statusCode?: unknown };
  if (prelude.statusCode !== 200) return `status ${String(prelude.statusCode)}`;
  if (sink.bodyBytes !== STREAM_TOTAL_BYTES) return `${sink.bodyBytes} body bytes`;
  if (expectedBody && !sink.body.equals(expectedBody)) return 'the body bytes differ';
  return 'ok';
}

const [bundle] = process.argv.slice(2) as [string];
installAwsLambdaGlobal();
const { handler } = createRequire(__filename)(bundle) as { handler: unknown };
const chunk = makeChunk();
const expectedBody = Buffer.concat(Array.from({ length: STREAM_TOTAL_BYTES / STREAM_CHUNK_BYTES }, () => chunk));
// Far from its deadline: no subject's timeout guard should fire while it streams.
const context = createLambdaContext({ functionName: 'bench-stream', memorySize: 512, awsRequestId: 'stream-0001', remainingMs: 240_000 });

async function invokeOnce(keepBody: boolean): Promise<{ sink: FullSpeedSink; ttfbMs: number; totalMs: number }> {
  // The event is made before the clock starts: building it is not the subject's cost.
  const event = makeStreamEvent();
  const sink = new FullSpeedSink(keepBody);
  const started = performance.now();
  await invokeStreamingHandler(handler, event, context, () => sink);
  const totalMs = performance.now() - started;
  return { sink, ttfbMs: sink.firstBodyAt - started, totalMs };
}

async function runBatch({ warmup, invocations }: StreamBatchRequest): Promise<StreamBatchReport> {
  let verdict = 'ok';
  for (let index = 0; index < warmup; index += 1) {
    const { sink } = await invokeOnce(index === 0);
    if (verdict === 'ok') verdict = judge(sink, index === 0 ? expectedBody : undefined);
    await turnEventLoop();
  }
  const ttfbMs: number[] = [];
  const totalMs: number[] = [];
  for (let index = 0; index < invocations; index += 1) {
    const run = await invokeOnce(false);
    if (verdict === 'ok') verdict = judge(run.sink, undefined);
    ttfbMs.push(run.ttfbMs);
    totalMs.push(run.totalMs);
    await turnEventLoop();
  }
  return { ttfbMs, totalMs, verdict };
}

process.on('message', (request: StreamBatchRequest) => {
  runBatch(request).then(
    (report) => process.send?.(report),
    (error: unknown) => process.send?.({ ttfbMs: [], totalMs: [], verdict: `failed: ${String(error)}` }),
  );
});
process.send?.('ready');
