import type { Context } from 'aws-lambda';
import { createLambdaContext } from '../../dev/lambda-runtime/instance/create-lambda-context';

let sequence = 0;

/** The model's Lambda context with a request id of its own; `remainingMs` is what getRemainingTimeInMillis() says. */
export function lambdaContext(fields: { awsRequestId?: string; remainingMs?: number } = {}): Context {
  sequence += 1;
  // nodejs24.x's context, which lacks the callback members that Context still declares, as a handler typed with Context gets it.
  return createLambdaContext({
    functionName: 'ApiFunction',
    memorySize: 512,
    awsRequestId: fields.awsRequestId ?? `lambda-request-${sequence}`,
    remainingMs: fields.remainingMs ?? 10_000,
    logStreamName: '2026/11/25/[$LATEST]0123456789abcdef',
  }) as unknown as Context;
}
