import type { AwsLambdaGlobal, LambdaResponseStream } from './awslambda';
import { writePrelude, type StreamSource } from './formats/stream-prelude';

/** Where a streamed answer goes: the runtime's stream, the runtime's global, the source's prelude shape. */
export interface StreamTarget {
  readonly stream: LambdaResponseStream;
  readonly awslambda: AwsLambdaGlobal;
  readonly source: StreamSource;
}

/**
 * Ends the stream and resolves once it has finished, closed or failed: the runtime waits for
 * the handler's promise and then for the stream, so the stream must end first. Never rejects.
 */
export function endStream(stream: LambdaResponseStream): Promise<void> {
  return new Promise<void>((resolve) => {
    if (stream.writableFinished || stream.destroyed) {
      resolve();
      return;
    }
    const done = (): void => {
      stream.off('finish', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.once('finish', done);
    stream.once('close', done);
    stream.once('error', done);
    if (!stream.writableEnded) stream.end();
  });
}

/** The helper's own streamed answers (400, 500, 504): a prelude, a JSON message, the end. */
export function sendJsonAnswer(target: StreamTarget, statusCode: number, message: string): Promise<void> {
  const head = { statusCode, headers: new Map([['content-type', ['application/json']]]), cookies: [] };
  target.awslambda.HttpResponseStream.from(target.stream, writePrelude(target.source, head));
  target.stream.write(JSON.stringify({ message }));
  return endStream(target.stream);
}
