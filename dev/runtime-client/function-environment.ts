// Shared by tests/runtime-client and the bench's cold start under the runtime client.
/** The environment the Lambda service gives a nodejs24.x function, with placeholder names and region. */
export const FUNCTION_ENV: Readonly<Record<string, string>> = {
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
  AWS_LAMBDA_FUNCTION_NAME: 'RicTestFunction',
  AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
  AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/RicTestFunction',
  AWS_LAMBDA_LOG_STREAM_NAME: '2026/01/01/[$LATEST]00000000000000000000000000000000',
  AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
  AWS_REGION: 'xx-local-1',
  AWS_DEFAULT_REGION: 'xx-local-1',
  TZ: ':UTC',
};
