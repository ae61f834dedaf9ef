import { MessageChannel } from 'node:worker_threads';
import { createFunctionPool, type InvocationOutcome } from '../../dev/lambda-runtime/function-pool';
import type { StreamMessage, StreamReply } from '../../dev/lambda-runtime/instance/stream-messages';
import type { TemplateFunction } from '../../dev/sam-model/read-template';

/** What a streamed invocation sent to the local API: the stream's content type, each chunk as posted, and how it ended. */
export interface InstanceStream {
  contentType: string | undefined;
  chunks: Buffer[];
  outcome: InvocationOutcome;
}

/**
 * Invokes a built artifact in a function instance of the local API (its runtime bundle in a
 * worker thread, as `make local` runs it) with a stream, and records what the instance sent over it.
 */
export async function streamInInstance(
  fn: TemplateFunction,
  artifactDir: string,
  event: unknown,
  runtimePath: string,
): Promise<InstanceStream> {
  const pool = createFunctionPool(fn, runtimePath, 1, { logger: { info: () => undefined, error: () => undefined } });
  const { port1, port2 } = new MessageChannel();
  const recorded: Omit<InstanceStream, 'outcome'> = { contentType: undefined, chunks: [] };
  port1.on('message', (message: StreamMessage) => {
    if (message.type === 'open') recorded.contentType = message.contentType;
    if (message.type === 'chunk') {
      recorded.chunks.push(Buffer.from(message.bytes));
      port1.postMessage({ type: 'ack', bytes: message.bytes.length } satisfies StreamReply);
    }
  });
  const closed = new Promise<void>((resolve) => port1.once('close', () => resolve()));
  try {
    const outcome = await pool.invoke({ dir: artifactDir, version: 1, sourceMaps: false }, event, 'artifact-in-instance', port2);
    await closed;
    return { ...recorded, outcome };
  } finally {
    await pool.close();
  }
}
