import { createLambdaContext, LAMBDA_CONTEXT_KEYS } from '../../dev/lambda-runtime/instance/create-lambda-context';

describe('a Lambda context', () => {
  it("carries the function's name, ARN, memory as a string, log group and request id", () => {
    const context = createLambdaContext({ functionName: 'ExpressFunction', memorySize: 512, awsRequestId: 'req-1', region: 'xx-local-1' });
    expect(context).toMatchObject({
      functionName: 'ExpressFunction',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:xx-local-1:000000000000:function:ExpressFunction',
      memoryLimitInMB: '512',
      awsRequestId: 'req-1',
      logGroupName: '/aws/lambda/ExpressFunction',
    });
    expect(context.logStreamName).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
  });

  it("has nodejs24.x's twelve keys in its order, without callbackWaitsForEmptyEventLoop, done, succeed or fail", () => {
    const context = createLambdaContext({ functionName: 'F', memorySize: 128, awsRequestId: 'r' });
    expect(Object.keys(context)).toEqual(LAMBDA_CONTEXT_KEYS);
  });

  it('tells a fixed remaining time, or the time left until its deadline, negative once past it as in the runtime', () => {
    expect(
      createLambdaContext({ functionName: 'F', memorySize: 128, awsRequestId: 'r', remainingMs: 1234 }).getRemainingTimeInMillis(),
    ).toBe(1234);
    jest.useFakeTimers({ now: 1_000_000 });
    try {
      const context = createLambdaContext({ functionName: 'F', memorySize: 128, awsRequestId: 'r', deadlineMs: 1_060_000 });
      expect(context.getRemainingTimeInMillis()).toBe(60_000);
      jest.setSystemTime(1_061_000);
      expect(context.getRemainingTimeInMillis()).toBe(-1000);
    } finally {
      jest.useRealTimers();
    }
  });
});
