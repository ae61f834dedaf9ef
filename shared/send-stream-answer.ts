import type { AwsLambdaGlobal, LambdaResponseStream } from './awslambda';
import type { StreamSource } from './detect-format';
import { writePrelude } from './formats/stream-prelude';
import { jsonResultParts } from './result-parts';

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
  const answer = jsonResultParts(statusCode, message);
  target.awslambda.HttpResponseStream.from(target.stream, writePrelude(target.source, answer));
  target.stream.write(answer.body);
  return endStream(target.stream);
}
