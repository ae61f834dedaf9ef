import type { ServerResponse } from 'node:http';
import type { MessagePort } from 'node:worker_threads';
import { PRELUDE_CONTENT_TYPE } from '../lambda-runtime/instance/awslambda-global';
import type { InvocationOutcome } from '../lambda-runtime/function-pool';
import { relayInvocationStream } from '../lambda-runtime/relay-invocation-stream';
import { createPreludeReader, type StreamedHead } from './read-stream-prelude';

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
  const reader = createPreludeReader();
  let head: StreamedHead | undefined;
  let malformed: string | undefined;
  let clientGone = false;
  let contentType: string | undefined;

  function describeMissing(): string {
    const missing = reader.describeMissing();
    if (contentType === undefined || contentType === PRELUDE_CONTENT_TYPE) return missing;
    return `${missing}; the stream's content type is ${contentType}: is the handler wrapped by awslambda.streamifyResponse, its response made with awslambda.HttpResponseStream.from?`;
  }

  // Whether the client's connection took the bytes at once (or there were none).
  const send = (bytes: Buffer): boolean => bytes.length === 0 || response.write(bytes);

  function start(read: StreamedHead, body: Buffer): boolean {
    head = setup.finishHead({ statusCode: read.statusCode, headers: setup.reading.remapHeaders(read.headers) });
    for (const [name, values] of head.headers) response.setHeader(name, values);
    response.writeHead(head.statusCode);
    // The client sees the status as soon as the prelude is read, not with the first body byte.
    response.flushHeaders();
    return send(body);
  }

  // A Function URL's stream without the prelude's content type is all body, of its own type,
  // sent from its first byte (or, empty, at its end).
  const isBareBody = () => !setup.reading.preludeAlways && contentType !== undefined && contentType !== PRELUDE_CONTENT_TYPE;
  const bareHead = (): StreamedHead => ({ statusCode: 200, headers: new Map([['Content-Type', [contentType ?? '']]]) });

  return new Promise<StreamedAnswer>((resolve) => {
    const relay = relayInvocationStream(setup.invoke, {
      open: (type) => void (contentType = type),
      chunk(bytes) {
        if (head) return send(bytes) ? 'taken' : 'held';
        if (isBareBody()) return start(bareHead(), bytes) ? 'taken' : 'held';
        // The prelude's bytes are the gateway's to read: taken as they come (a malformed one's too).
        if (malformed !== undefined) return 'taken';
        const read = reader.push(bytes);
        if (read.state === 'read') start(read.head, read.body);
        if (read.state === 'malformed') {
          malformed = read.reason;
          // Nobody will read the rest: the function's stream errors, as when the gateway hangs up.
          relay.abort();
        }
        return 'taken';
      },
      settle(outcome) {
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
      },
    });
    response.on('drain', () => relay.drained());
    response.on('close', () => {
      if (response.writableFinished) return;
      clientGone = true;
      relay.abort();
    });
  });
}
