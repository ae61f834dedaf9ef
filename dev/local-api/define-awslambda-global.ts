import { HttpResponseStream, streamifyResponse } from '../sam-model/awslambda-global';
import type { InvokeStore } from './create-invoke-store';

/**
 * Defines the `awslambda` global every nodejs24.x function sees (unless
 * AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA is 1 or true), keeping any member already there.
 * `streamifyResponse` and `HttpResponseStream` are the runtime's (dev/sam-model/awslambda-global.ts);
 * start-function-runtime.ts invokes a streaming handler with its response stream.
 */
export function defineAwsLambdaGlobal(store: InvokeStore, env: NodeJS.ProcessEnv): void {
  if (['1', 'true'].includes(env.AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA ?? '')) return;
  const scope = globalThis as { awslambda?: Record<string, unknown> };
  scope.awslambda = {
    ...scope.awslambda,
    streamifyResponse,
    HttpResponseStream,
    InvokeStore: store,
  };
}
