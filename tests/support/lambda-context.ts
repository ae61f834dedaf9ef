import type { Context } from 'aws-lambda';

let sequence = 0;

/** A Lambda context with its own request id; `remainingMs` is what getRemainingTimeInMillis() says. */
export function lambdaContext(fields: { awsRequestId?: string; remainingMs?: number } = {}): Context {
  sequence += 1;
  const remainingMs = fields.remainingMs ?? 10_000;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'ApiFunction',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:xx-local-1:000000000000:function:ApiFunction',
    memoryLimitInMB: '512',
    awsRequestId: fields.awsRequestId ?? `lambda-request-${sequence}`,
    logGroupName: '/aws/lambda/ApiFunction',
    logStreamName: '2026/11/25/[$LATEST]0123456789abcdef',
    getRemainingTimeInMillis: () => remainingMs,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
