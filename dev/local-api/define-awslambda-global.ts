import { STREAMING_MARK } from '../sam-model/check-handler-signature';
import type { InvokeStore } from './create-invoke-store';

const HIGH_WATER_MARK_MARK = Symbol.for('aws.lambda.runtime.handler.streaming.highWaterMark');

/** Marks a handler for response streaming as the runtime's `awslambda.streamifyResponse` does, and returns it. */
function streamifyResponse<H extends object>(handler: H, options?: { highWaterMark?: number }): H {
  const marks = handler as Record<symbol, unknown>;
  marks[STREAMING_MARK] = 'response';
  if (typeof options?.highWaterMark === 'number') marks[HIGH_WATER_MARK_MARK] = Math.trunc(options.highWaterMark);
  return handler;
}

/**
 * Defines the `awslambda` global every nodejs24.x function sees (unless
 * AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA is 1 or true), keeping any member already there.
 *
 * Hook for response streaming: this local runtime invokes buffered handlers only, so
 * `HttpResponseStream.from` says so. When dev/sam-model/awslambda-global.ts (the faithful
 * streaming global) is on main, install its `streamifyResponse` and `HttpResponseStream` here and
 * invoke streaming handlers with its `invokeStreamingHandler` in start-function-runtime.ts.
 */
export function defineAwsLambdaGlobal(store: InvokeStore, env: NodeJS.ProcessEnv): void {
  if (['1', 'true'].includes(env.AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA ?? '')) return;
  const scope = globalThis as { awslambda?: Record<string, unknown> };
  scope.awslambda = {
    ...scope.awslambda,
    streamifyResponse,
    HttpResponseStream: {
      from() {
        throw new Error('The local API does not run response streaming handlers yet; deploy to try this one.');
      },
    },
    InvokeStore: store,
  };
}
