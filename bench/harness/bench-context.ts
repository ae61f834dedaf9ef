import type { Context } from 'aws-lambda';
import { createLambdaContext } from '../../dev/lambda-runtime/instance/create-lambda-context';

/** The model's Lambda context with 10 s (the template's Timeout) left, the same in every measured process. */
export function benchContext(awsRequestId: string): Context {
  // nodejs24.x's context, which lacks the callback members that Context still declares, as a handler typed with Context gets it.
  return createLambdaContext({
    functionName: 'bench',
    memorySize: 512,
    awsRequestId,
    remainingMs: 10_000,
    logStreamName: '2026/11/25/[$LATEST]0123456789abcdef',
  }) as unknown as Context;
}
