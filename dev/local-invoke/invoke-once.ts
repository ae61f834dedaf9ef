import { randomUUID } from 'node:crypto';
import type { InvocationOutcome } from '../lambda-runtime/function-pool';
import { relayInvocationStream } from '../lambda-runtime/relay-invocation-stream';
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
  let writing = Promise.resolve();
  let pending = 0;
  return new Promise((resolve, reject) => {
    const relay = relayInvocationStream((stream) => fn.pool.invoke(build.artifact, event, randomUUID(), stream), {
      chunk(bytes) {
        pending += 1;
        // Acknowledged once written, and only when nothing is left to write.
        writing = writing.then(async () => {
          await write(bytes);
          pending -= 1;
          if (pending === 0) relay.drained();
        });
        return 'held';
      },
      settle: (outcome) => void writing.then(() => resolve(outcome), reject),
    });
  });
}
