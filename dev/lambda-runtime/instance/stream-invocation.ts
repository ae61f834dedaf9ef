import { Writable } from 'node:stream';
import type { MessagePort } from 'node:worker_threads';
import type { LambdaContext } from './create-lambda-context';
import { invokeStreamingHandler, type StreamingHandler } from './awslambda-global';
import { STREAM_WINDOW_BYTES, type StreamMessage, type StreamReply } from './stream-messages';

type WriteCallback = (error?: Error | null) => void;

/**
 * Where a streaming handler's bytes go inside an instance: each write is posted to the local API
 * as it comes, and the write completes only while fewer than `STREAM_WINDOW_BYTES` wait for the
 * API's acknowledgement, so the handler runs ahead of its client by a bounded amount.
 */
class PortSink extends Writable {
  private unacknowledged = 0;
  private blocked: WriteCallback | undefined;
  private readonly port: MessagePort;

  constructor(port: MessagePort, contentType: string) {
    super();
    this.port = port;
    port.on('message', (reply: StreamReply) => this.receive(reply));
    this.post({ type: 'open', contentType });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: WriteCallback): void {
    if (chunk.length === 0) {
      callback();
      return;
    }
    // A copy of the chunk's own bytes: posting the view would clone its whole (often pooled) buffer.
    const bytes = new Uint8Array(chunk);
    // Counted before the post: transferring the buffer empties this view.
    this.unacknowledged += bytes.length;
    this.port.postMessage({ type: 'chunk', bytes } satisfies StreamMessage, [bytes.buffer]);
    if (this.unacknowledged < STREAM_WINDOW_BYTES) callback();
    else this.blocked = callback;
  }

  override _final(callback: WriteCallback): void {
    this.post({ type: 'end' });
    callback();
  }

  private post(message: StreamMessage): void {
    this.port.postMessage(message);
  }

  private receive(reply: StreamReply): void {
    if (reply.type === 'abort') {
      // As when API Gateway drops the runtime's connection: the handler's stream errors.
      this.destroy(new Error('The client closed the connection before the response ended'));
      return;
    }
    this.unacknowledged -= reply.bytes;
    const blocked = this.blocked;
    if (blocked && this.unacknowledged < STREAM_WINDOW_BYTES) {
      this.blocked = undefined;
      blocked();
    }
  }
}

/** A streamed invocation: the bytes go to the local API over `port` as they are written. */
export async function invokeStreamed(handler: StreamingHandler, event: unknown, context: LambdaContext, port: MessagePort): Promise<void> {
  await invokeStreamingHandler(handler, event, context, (contentType) => new PortSink(port, contentType)).finally(() => port.close());
}

/**
 * A buffered handler's result when the invocation streams (InvokeWithResponseStream on a function
 * that does not stream): its JSON, as one chunk of an `application/json` stream.
 */
export function streamWhole(port: MessagePort, payload: string): void {
  const bytes = new Uint8Array(Buffer.from(payload));
  const messages: StreamMessage[] = [{ type: 'open', contentType: 'application/json' }, { type: 'chunk', bytes }, { type: 'end' }];
  for (const message of messages) port.postMessage(message);
  port.close();
}

/**
 * A streaming handler invoked without a stream (a buffered integration reaching it): as Lambda's
 * synchronous Invoke does, the whole stream (prelude, delimiter and all) becomes the payload.
 */
export async function invokeStreamingBuffered(handler: StreamingHandler, event: unknown, context: LambdaContext): Promise<string> {
  const chunks: Buffer[] = [];
  const collect = () =>
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
    });
  await invokeStreamingHandler(handler, event, context, collect);
  return Buffer.concat(chunks).toString('utf8');
}
