import { dirname } from 'node:path';
import type { Artifact } from '../sam-build/build-functions';
import { newLogStreamName } from './instance/create-lambda-context';
import type { TemplateFunction } from '../sam-model/read-template';

/** The placeholder region every local function and ARN names. */
export const LOCAL_REGION = 'xx-local-1';
// The account id local ARNs carry, as the sample events and pseudo parameters do.
export const LOCAL_ACCOUNT_ID = '000000000000';

/** What Lambda sets in every function's environment (with a placeholder region); the template's variables come on top. */
export function createFunctionEnvironment(
  fn: TemplateFunction,
  artifact: Artifact,
  runtimePath: string,
  overlapping: number | undefined,
): Record<string, string> {
  const jsonLogs = fn.logging?.logFormat === 'JSON';
  return {
    AWS_REGION: LOCAL_REGION,
    AWS_DEFAULT_REGION: LOCAL_REGION,
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: fn.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.functionName}`,
    // Each execution environment writes to a log stream of its own.
    AWS_LAMBDA_LOG_STREAM_NAME: newLogStreamName(),
    ...(overlapping === undefined ? { AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand' } : { AWS_LAMBDA_MAX_CONCURRENCY: String(overlapping) }),
    // Lambda sets a log level only with JSON logs, INFO unless ApplicationLogLevel says otherwise.
    ...(jsonLogs ? { AWS_LAMBDA_LOG_FORMAT: 'JSON', AWS_LAMBDA_LOG_LEVEL: fn.logging?.applicationLogLevel ?? 'INFO' } : {}),
    _HANDLER: fn.handler,
    LAMBDA_TASK_ROOT: artifact.dir,
    LAMBDA_RUNTIME_DIR: dirname(runtimePath),
    TZ: ':UTC',
    ...(artifact.sourceMaps ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
    ...fn.environment,
  };
}
