import { Writable } from 'node:stream';
import { PRELUDE_DELIMITER } from '../../dev/lambda-runtime/instance/awslambda-global';

/** One write that reached the sink, and where it sits in the whole stream. */
export interface Arrival {
  readonly bytes: Buffer;
  readonly offset: number;
}

export interface SinkOptions {
  /** Called with each write as it arrives (a test releasing the app's next line, counting...). */
  readonly onArrival?: (arrival: Arrival, sink: RecordingSink) => void;
  /** A slow reader: takes each write a turn of the event loop later, with a 16 KB buffer. */
  readonly slow?: boolean;
}

/** Where a streamed response goes in a test: what the Runtime API would receive, write by write. */
export class RecordingSink extends Writable {
  readonly arrivals: Arrival[] = [];
  private length = 0;
  private readonly options: SinkOptions;

  constructor(options: SinkOptions = {}) {
    super({ highWaterMark: 16 * 1024 });
    this.options = options;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    const arrival = { bytes: chunk, offset: this.length };
    this.arrivals.push(arrival);
    this.length += chunk.length;
    this.options.onArrival?.(arrival, this);
    if (this.options.slow) setImmediate(callback);
    else callback();
  }

  get bytes(): Buffer {
    return Buffer.concat(this.arrivals.map((arrival) => arrival.bytes));
  }

  get receivedLength(): number {
    return this.length;
  }
}

/** A streamed response as API Gateway reads it: the prelude's JSON, then the body after 8 NUL bytes. */
export interface SplitStream {
  readonly prelude: Record<string, unknown>;
  /** Where the body starts in the stream. */
  readonly bodyOffset: number;
  readonly body: Buffer;
}

/** Splits a stream at its delimiter; throws, as the gateway answers 502, when there is no valid prelude. */
export function splitPrelude(bytes: Buffer): SplitStream {
  const at = bytes.indexOf(PRELUDE_DELIMITER);
  if (at === -1) throw new Error(`no prelude delimiter in ${JSON.stringify(bytes.subarray(0, 200).toString('latin1'))}`);
  const prelude: unknown = JSON.parse(bytes.subarray(0, at).toString('utf8'));
  if (typeof prelude !== 'object' || prelude === null || Array.isArray(prelude)) throw new Error('the prelude is not a JSON object');
  const bodyOffset = at + PRELUDE_DELIMITER.length;
  return { prelude: prelude as Record<string, unknown>, bodyOffset, body: bytes.subarray(bodyOffset) };
}

/** The body's part of each write, in arrival order (writes of the prelude or of nothing left out). */
export function bodyArrivals(arrivals: readonly Arrival[], bodyOffset: number): Buffer[] {
  return arrivals.flatMap(({ bytes, offset }) => {
    const start = Math.max(0, bodyOffset - offset);
    return start < bytes.length ? [bytes.subarray(start)] : [];
  });
}
