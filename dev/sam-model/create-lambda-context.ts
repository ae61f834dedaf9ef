import { randomBytes } from 'node:crypto';
import type { Context } from 'aws-lambda';

export interface ContextFields {
  readonly functionName: string;
  readonly memorySize: number;
  readonly awsRequestId: string;
  /** When the invocation's time is up (epoch ms), or `remainingMs`: a constant, for tests and benchmarks. */
  readonly deadlineMs?: number;
  readonly remainingMs?: number;
  readonly region?: string;
  /** Fixed for reproducible events; a fresh random stream otherwise, as each instance gets one. */
  readonly logStreamName?: string;
}

function newLogStreamName(): string {
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
}

/** The context Lambda's Node.js runtime passes a handler. */
export function createLambdaContext(fields: ContextFields): Context {
  const { functionName, deadlineMs, remainingMs = 10_000 } = fields;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${fields.region ?? 'xx-local-1'}:000000000000:function:${functionName}`,
    // The Node.js runtime hands the memory size over as a string.
    memoryLimitInMB: String(fields.memorySize),
    awsRequestId: fields.awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: fields.logStreamName ?? newLogStreamName(),
    getRemainingTimeInMillis: deadlineMs === undefined ? () => remainingMs : () => Math.max(0, deadlineMs - Date.now()),
    // Deprecated callbacks the runtime still provides; the helper never calls them.
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
