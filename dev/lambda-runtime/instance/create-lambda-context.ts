import { randomBytes } from 'node:crypto';
import type { Context } from 'aws-lambda';

/**
 * The context nodejs24.x gives a handler: these twelve fields and no more. `callbackWaitsForEmptyEventLoop`,
 * `done`, `succeed` and `fail` are gone from the runtime although @types/aws-lambda still declares them.
 */
export type LambdaContext = Omit<Context, 'callbackWaitsForEmptyEventLoop' | 'done' | 'fail' | 'succeed' | 'clientContext' | 'identity'> & {
  clientContext: unknown;
  identity: unknown;
  tenantId: string | undefined;
  xRayTraceId: string | undefined;
};

/** The twelve keys of nodejs24.x's context, in the runtime's order: what a handler sees in `Object.keys(context)`. */
export const LAMBDA_CONTEXT_KEYS = [
  'clientContext',
  'identity',
  'invokedFunctionArn',
  'awsRequestId',
  'tenantId',
  'xRayTraceId',
  'getRemainingTimeInMillis',
  'functionName',
  'functionVersion',
  'memoryLimitInMB',
  'logGroupName',
  'logStreamName',
] as const satisfies readonly (keyof LambdaContext)[];

export interface ContextFields {
  readonly functionName: string;
  /** A number from the template, or the string the runtime reads from AWS_LAMBDA_FUNCTION_MEMORY_SIZE. */
  readonly memorySize: number | string;
  readonly awsRequestId: string;
  /** When the invocation's time is up (epoch ms), or `remainingMs`: a constant, for tests and benchmarks. */
  readonly deadlineMs?: number;
  readonly remainingMs?: number;
  readonly region?: string;
  readonly functionVersion?: string;
  readonly logGroupName?: string;
  /** Fixed for reproducible events; a fresh random stream otherwise, as each instance gets one. */
  readonly logStreamName?: string;
  readonly invokedFunctionArn?: string;
  readonly xRayTraceId?: string;
  readonly tenantId?: string;
  readonly clientContext?: unknown;
  readonly identity?: unknown;
}

/** A log stream name as Lambda names an execution environment's: `2026/01/01/[$LATEST]<32 hex digits>`. */
export function newLogStreamName(): string {
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
}

/** The context Lambda's Node.js runtime passes a handler, its keys in the runtime's order. */
export function createLambdaContext(fields: ContextFields): LambdaContext {
  const { functionName, deadlineMs, remainingMs = 10_000 } = fields;
  return {
    clientContext: fields.clientContext,
    identity: fields.identity,
    invokedFunctionArn:
      fields.invokedFunctionArn ?? `arn:aws:lambda:${fields.region ?? 'xx-local-1'}:000000000000:function:${functionName}`,
    awsRequestId: fields.awsRequestId,
    tenantId: fields.tenantId,
    xRayTraceId: fields.xRayTraceId,
    // The runtime does not clamp: past the deadline the remaining time is negative.
    getRemainingTimeInMillis: deadlineMs === undefined ? () => remainingMs : () => deadlineMs - Date.now(),
    functionName,
    functionVersion: fields.functionVersion ?? '$LATEST',
    // The runtime hands the memory size over as a string.
    memoryLimitInMB: String(fields.memorySize),
    logGroupName: fields.logGroupName ?? `/aws/lambda/${functionName}`,
    logStreamName: fields.logStreamName ?? newLogStreamName(),
  };
}
