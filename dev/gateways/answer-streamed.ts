import type { ServerResponse } from 'node:http';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { PRELUDE_CONTENT_TYPE } from '../lambda-runtime/instance/awslambda-global';
import { unrunOutcome, type InvocationOutcome } from '../lambda-runtime/function-pool';
import { createPreludeReader, type StreamedHead } from './read-stream-prelude';
import type { StreamMessage, StreamReply } from '../lambda-runtime/instance/stream-messages';

export interface StreamedAnswerSetup {
  response: ServerResponse;
  /** Starts the invocation, its response's bytes going to `stream`. */
  invoke(stream: MessagePort): Promise<InvocationOutcome>;
  /** How this gateway reads a stream's head. */
  reading: StreamReading;
  /** The head with the headers the gateway adds to every answer (its request id...). */
  finishHead(head: StreamedHead): StreamedHead;
}

/** How a gateway reads a streamed response's head (a gateway route's `streamReading`). */
export interface StreamReading {
  /**
   * A REST API's STREAM integration reads a prelude from every stream; a Function URL only from
   * a stream whose content type announces one, and sends any other as a 200 body of that type.
   */
  preludeAlways: boolean;
  /** What the gateway does to the prelude's headers (a REST API renames some, drops others). */
  remapHeaders(headers: Map<string, string[]>): Map<string, string[]>;
}

export type StreamedAnswer =
  /** Nothing was sent: the gateway answers its error (502) and logs `reason`. */
  | { kind: 'refused'; reason: string; coldStart: boolean }
  /** The head was sent; `failure` says why the body was cut short, when it was. */
  | { kind: 'streamed'; statusCode: number; coldStart: boolean; failure?: string }
  | { kind: 'aborted'; coldStart: boolean };

/**
 * Answers with a streamed invocation as API Gateway's STREAM integration does: reads the prelude
 * from the first bytes, sends its status and headers, then each body chunk as the function writes
 * it. A chunk is acknowledged to the instance once the client's connection has taken it, so a
 * slow client holds the function back. The answer settles when the invocation has ended and its
 * stream is closed; a function that fails after the head has gone out gets its connection cut, so
 * the client sees a truncated body rather than a complete one.
 */
export function answerStreamed(setup: StreamedAnswerSetup): Promise<StreamedAnswer> {
  const { response } = setup;
  const { port1: port, port2: instancePort } = new MessageChannel();
  const reader = createPreludeReader();
  let head: StreamedHead | undefined;
  let malformed: string | undefined;
  let streamClosed = false;
  let clientGone = false;
  let outcome: InvocationOutcome | undefined;
  let unacknowledged = 0;
  let contentType: string | undefined;

  const reply = (message: StreamReply) => port.postMessage(message);

  function describeMissing(): string {
    const missing = reader.describeMissing();
    if (contentType === undefined || contentType === PRELUDE_CONTENT_TYPE) return missing;
    return `${missing}; the stream's content type is ${contentType}: is the handler wrapped by awslambda.streamifyResponse, its response made with awslambda.HttpResponseStream.from?`;
  }

  function send(bytes: Buffer): void {
    if (bytes.length === 0) return;
    if (response.write(bytes)) reply({ type: 'ack', bytes: bytes.length });
    else unacknowledged += bytes.length;
  }

  function start(read: StreamedHead, body: Buffer): void {
    head = setup.finishHead({ statusCode: read.statusCode, headers: setup.reading.remapHeaders(read.headers) });
    for (const [name, values] of head.headers) response.setHeader(name, values);
    response.writeHead(head.statusCode);
    // The client sees the status as soon as the prelude is read, not with the first body byte.
    response.flushHeaders();
    send(body);
  }

  // A Function URL's stream without the prelude's content type is all body, of its own type,
  // sent from its first byte (or, empty, at its end).
  const isBareBody = () => !setup.reading.preludeAlways && contentType !== undefined && contentType !== PRELUDE_CONTENT_TYPE;
  const bareHead = (): StreamedHead => ({ statusCode: 200, headers: new Map([['Content-Type', [contentType ?? '']]]) });

  function receive(message: StreamMessage): void {
    if (message.type === 'open') contentType = message.contentType;
    if (message.type === 'end') streamClosed = true;
    if (message.type !== 'chunk') return;
    const bytes = Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength);
    if (head) return send(bytes);
    if (isBareBody()) return start(bareHead(), bytes);
    reply({ type: 'ack', bytes: bytes.length });
    if (malformed !== undefined) return;
    const read = reader.push(bytes);
    if (read.state === 'read') start(read.head, read.body);
    if (read.state === 'malformed') {
      malformed = read.reason;
      // Nobody will read the rest: the function's stream errors, as when the gateway hangs up.
      reply({ type: 'abort' });
    }
  }

  return new Promise<StreamedAnswer>((resolve) => {
    function settle(): void {
      if (!streamClosed || !outcome) return;
      port.close();
      const { coldStart } = outcome;
      if (!head && !clientGone && outcome.ok && isBareBody()) start(bareHead(), Buffer.alloc(0));
      if (clientGone) {
        resolve({ kind: 'aborted', coldStart });
      } else if (!head) {
        resolve({ kind: 'refused', reason: malformed ?? (outcome.ok ? describeMissing() : outcome.reason), coldStart });
      } else if (outcome.ok) {
        response.end();
        resolve({ kind: 'streamed', statusCode: head.statusCode, coldStart });
      } else {
        response.destroy();
        resolve({ kind: 'streamed', statusCode: head.statusCode, coldStart, failure: outcome.reason });
      }
    }

    port.on('message', (message: StreamMessage) => {
      receive(message);
      settle();
    });
    // The instance closes its end after the stream; a terminated instance (the Timeout) closes it too.
    port.on('close', () => {
      streamClosed = true;
      settle();
    });
    response.on('drain', () => {
      reply({ type: 'ack', bytes: unacknowledged });
      unacknowledged = 0;
    });
    response.on('close', () => {
      if (response.writableFinished) return;
      clientGone = true;
      reply({ type: 'abort' });
    });
    const end = (ended: InvocationOutcome) => {
      outcome = ended;
      // An instance that failed before it took the invocation never received its end of the channel.
      instancePort.close();
      settle();
    };
    setup.invoke(instancePort).then(end, (error: unknown) => end(unrunOutcome(error)));
  });
}
