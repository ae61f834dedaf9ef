import { randomUUID } from 'node:crypto';
import { MessageChannel } from 'node:worker_threads';
import type { InvocationOutcome } from '../lambda-runtime/function-pool';
import type { StreamMessage, StreamReply } from '../lambda-runtime/instance/stream-messages';
import type { ServedFunction } from '../local-functions/serve-functions';

/**
 * Runs one invocation. A streaming function's bytes go to `write` as it writes them, each
 * acknowledged once written, so a slow standard output holds it back; a buffered function's
 * result is left in the outcome.
 */
export async function invokeOnce(
  fn: ServedFunction,
  event: unknown,
  streaming: boolean,
  write: (bytes: Uint8Array) => Promise<void>,
): Promise<InvocationOutcome> {
  const build = await fn.build.current();
  if (!build.ok) throw new Error('the function does not build (see the build error above)');
  if (!streaming) return fn.pool.invoke(build.artifact, event, randomUUID());
  const { port1: port, port2: instancePort } = new MessageChannel();
  let writing = Promise.resolve();
  const closed = new Promise<void>((resolve) => port.on('close', resolve));
  port.on('message', (message: StreamMessage) => {
    if (message.type !== 'chunk') return;
    writing = writing.then(async () => {
      await write(message.bytes);
      port.postMessage({ type: 'ack', bytes: message.bytes.byteLength } satisfies StreamReply);
    });
  });
  const outcome = await fn.pool.invoke(build.artifact, event, randomUUID(), instancePort);
  instancePort.close();
  await closed;
  await writing;
  return outcome;
}
