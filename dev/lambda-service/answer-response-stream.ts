import type { ServerResponse } from 'node:http';
import type { MessagePort } from 'node:worker_threads';
import type { InvocationOutcome } from '../lambda-runtime/function-pool';
import { relayInvocationStream } from '../lambda-runtime/relay-invocation-stream';
import { encodeInvokeComplete, encodePayloadChunk, type CompleteFields } from './encode-stream-events';

export interface ResponseStreamSetup {
  response: ServerResponse;
  requestId: string;
  /** Starts the invocation, its bytes going to `stream`. */
  invoke(stream: MessagePort): Promise<InvocationOutcome>;
  /** InvokeComplete's `LogResult`, when the caller asked for the tail of the log. */
  logResult(): string | undefined;
}

/**
 * Answers InvokeWithResponseStream: a 200 whose Content-Type is the function's stream's, then a
 * `PayloadChunk` event per chunk as the function writes it, then `InvokeComplete` (with the
 * error when the function failed, before or after its first byte). A chunk is acknowledged once
 * the connection took it, so a slow reader holds the function back as a slow client does.
 * Settles with the outcome, or undefined when the caller left before the end.
 */
export function answerResponseStream(setup: ResponseStreamSetup): Promise<InvocationOutcome | undefined> {
  const { response } = setup;
  let contentType = 'application/octet-stream';
  let callerGone = false;

  function sendHead(): void {
    if (response.headersSent) return;
    response.writeHead(200, { 'Content-Type': contentType, 'X-Amz-Executed-Version': '$LATEST', 'x-amzn-RequestId': setup.requestId });
  }

  return new Promise((resolve) => {
    const relay = relayInvocationStream(setup.invoke, {
      open: (type) => void (contentType = type),
      chunk(bytes) {
        if (callerGone) return 'taken';
        sendHead();
        return response.write(encodePayloadChunk(bytes)) ? 'taken' : 'held';
      },
      settle(outcome) {
        if (callerGone) return resolve(undefined);
        sendHead();
        const logResult = setup.logResult();
        const fields: CompleteFields = {
          ...(outcome.ok ? {} : { ErrorCode: 'Unhandled', ErrorDetails: JSON.stringify(outcome.error) }),
          ...(logResult === undefined ? {} : { LogResult: logResult }),
        };
        response.end(encodeInvokeComplete(fields));
        resolve(outcome);
      },
    });
    response.on('drain', () => relay.drained());
    response.on('close', () => {
      if (response.writableFinished) return;
      callerGone = true;
      relay.abort();
    });
  });
}
