import { isStreamingHandler } from './awslambda-global';
import { CallbackHandlerDeprecatedError } from './runtime-errors';

const CALLBACK_REMOVED =
  'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.';
const CALLBACK_UNSUPPORTED_ON_MANAGED_INSTANCES =
  'ERROR: AWS Lambda does not support callback-based function handlers when using Node.js 22 with Managed Instances. To use Managed Instances, modify this function to use a supported handler signature. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.';

/**
 * Rejects a callback-style handler (three or more declared parameters) at init, as nodejs24.x
 * does; a streaming handler's third parameter is its response stream, so it passes. The message
 * is the one the runtime picks from `AWS_EXECUTION_ENV`.
 */
export function checkHandlerSignature(handler: (...args: never[]) => unknown, executionEnv: string | undefined): void {
  if (handler.length < 3 || isStreamingHandler(handler)) return;
  const message = executionEnv === 'AWS_Lambda_nodejs22.x' ? CALLBACK_UNSUPPORTED_ON_MANAGED_INSTANCES : CALLBACK_REMOVED;
  throw new CallbackHandlerDeprecatedError(message);
}
