import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { unrunOutcome, type InvocationOutcome } from './function-pool';
import type { StreamMessage, StreamReply } from './instance/stream-messages';

/** What a streamed invocation's reader does with it: the local API, the Invoke API, `invoke`. */
export interface StreamReader {
  /** The stream's content type, once the function has made it final. */
  open?(contentType: string): void;
  /** A chunk as the function wrote it: `taken` is acknowledged at once, `held` once `drained()` says so. */
  chunk(bytes: Buffer): 'taken' | 'held';
  /** The invocation has ended and its stream is closed (or the instance that held it is gone). */
  settle(outcome: InvocationOutcome): void;
}

/** What the reader tells the instance while the stream runs. */
export interface StreamRelay {
  /** The bytes held back have been handed on: the function may write that much more. */
  drained(): void;
  /** Nobody will read the rest (the client left, the head is malformed): the function's stream errors. */
  abort(): void;
}

/**
 * Runs a streamed invocation, its bytes relayed from the instance to `reader` with the instance's
 * flow control: a chunk counts against the instance's window until it is acknowledged, so a
 * slow reader holds the function's `write()` back. Settles once the invocation has ended and its
 * stream is closed, whichever comes last.
 */
export function relayInvocationStream(invoke: (stream: MessagePort) => Promise<InvocationOutcome>, reader: StreamReader): StreamRelay {
  const { port1: port, port2: instancePort } = new MessageChannel();
  let streamClosed = false;
  let outcome: InvocationOutcome | undefined;
  let held = 0;
  let settled = false;
  const reply = (message: StreamReply) => port.postMessage(message);

  function settle(): void {
    if (settled || !streamClosed || !outcome) return;
    settled = true;
    port.close();
    reader.settle(outcome);
  }

  port.on('message', (message: StreamMessage) => {
    if (message.type === 'open') reader.open?.(message.contentType);
    if (message.type === 'end') streamClosed = true;
    if (message.type === 'chunk') {
      const bytes = Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength);
      if (reader.chunk(bytes) === 'taken') reply({ type: 'ack', bytes: bytes.length });
      else held += bytes.length;
    }
    settle();
  });
  // The instance closes its end after the stream; a terminated instance (the Timeout) closes it too.
  port.on('close', () => {
    streamClosed = true;
    settle();
  });
  const end = (ended: InvocationOutcome) => {
    outcome = ended;
    // An instance that failed before it took the invocation never received its end of the channel.
    instancePort.close();
    settle();
  };
  invoke(instancePort).then(end, (error: unknown) => end(unrunOutcome(error)));

  return {
    drained() {
      if (held === 0 || settled) return;
      reply({ type: 'ack', bytes: held });
      held = 0;
    },
    abort() {
      if (!settled) reply({ type: 'abort' });
    },
  };
}
