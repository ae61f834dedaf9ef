import type { ServerResponse } from 'node:http';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { unrunOutcome, type InvocationOutcome } from '../lambda-runtime/function-pool';
import type { StreamMessage, StreamReply } from '../lambda-runtime/instance/stream-messages';
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
  const { port1: port, port2: instancePort } = new MessageChannel();
  let contentType = 'application/octet-stream';
  let unacknowledged = 0;
  let streamClosed = false;
  let outcome: InvocationOutcome | undefined;
  let callerGone = false;

  const reply = (message: StreamReply) => port.postMessage(message);

  function sendHead(): void {
    if (response.headersSent) return;
    response.writeHead(200, { 'Content-Type': contentType, 'X-Amz-Executed-Version': '$LATEST', 'x-amzn-RequestId': setup.requestId });
  }

  function receive(message: StreamMessage): void {
    if (message.type === 'open') contentType = message.contentType;
    if (message.type === 'end') streamClosed = true;
    if (message.type !== 'chunk' || callerGone) return;
    sendHead();
    if (response.write(encodePayloadChunk(message.bytes))) reply({ type: 'ack', bytes: message.bytes.byteLength });
    else unacknowledged += message.bytes.byteLength;
  }

  return new Promise((resolve) => {
    function settle(): void {
      if (!streamClosed || !outcome) return;
      port.close();
      if (callerGone) return resolve(undefined);
      sendHead();
      const logResult = setup.logResult();
      const fields: CompleteFields = {
        ...(outcome.ok ? {} : { ErrorCode: 'Unhandled', ErrorDetails: JSON.stringify(outcome.error) }),
        ...(logResult === undefined ? {} : { LogResult: logResult }),
      };
      response.end(encodeInvokeComplete(fields));
      resolve(outcome);
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
      callerGone = true;
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
