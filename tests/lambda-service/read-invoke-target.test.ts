import { findFunctionId, readInvokeTarget } from '../../dev/lambda-service/read-invoke-target';

// Which function an Invoke API path names: looked up among the served ones, never used as a path.
const served = new Set(['EchoFunction']);
const lookUp = (name: string) => (served.has(name) ? name : undefined);

describe('readInvokeTarget', () => {
  it.each([
    ['/2015-03-31/functions/EchoFunction/invocations', { operation: 'Invoke', name: 'EchoFunction', qualifier: undefined }],
    [
      '/2015-03-31/functions/EchoFunction/invocations?Qualifier=%24LATEST',
      { operation: 'Invoke', name: 'EchoFunction', qualifier: '$LATEST' },
    ],
    [
      '/2021-11-15/functions/EchoFunction/response-streaming-invocations',
      { operation: 'InvokeWithResponseStream', name: 'EchoFunction', qualifier: undefined },
    ],
    ['/2015-03-31/functions/..%2F..%2Fetc%2Fpasswd/invocations', { operation: 'Invoke', name: '../../etc/passwd', qualifier: undefined }],
  ])('reads %s', (url, expected) => {
    expect(readInvokeTarget(url)).toEqual(expected);
  });

  it.each([
    ['another API of Lambda', '/2015-03-31/functions/EchoFunction/configuration'],
    ['a name that is not valid percent-encoding', '/2015-03-31/functions/%E0%A4%A/invocations'],
    ['dot segments, which the URL resolves away', '/2015-03-31/functions/../../invocations'],
    ["a target Node's parser takes and the URL class throws on", 'http://[/x'],
  ])('is undefined for %s', (_case, url) => {
    expect(readInvokeTarget(url)).toBeUndefined();
  });
});

describe('findFunctionId', () => {
  it.each([
    ['a logical id', 'EchoFunction', undefined, 'EchoFunction'],
    ['an ARN', 'arn:aws:lambda:xx-local-1:000000000000:function:EchoFunction', undefined, 'EchoFunction'],
    ['a partial ARN', '000000000000:function:EchoFunction', undefined, 'EchoFunction'],
    ['an ARN with $LATEST', 'arn:aws:lambda:xx-local-1:000000000000:function:EchoFunction:$LATEST', undefined, 'EchoFunction'],
    ['the $LATEST qualifier', 'EchoFunction', '$LATEST', 'EchoFunction'],
    ['a version, which a local run has none of', 'EchoFunction', '3', undefined],
    ['an alias in the ARN', 'arn:aws:lambda:xx-local-1:000000000000:function:EchoFunction:live', undefined, undefined],
    ['a name that climbs out', '../EchoFunction', undefined, undefined],
    ['an unknown name', 'NoSuchFunction', undefined, undefined],
  ])('finds %s', (_case, name, qualifier, expected) => {
    expect(findFunctionId({ operation: 'Invoke', name, qualifier }, lookUp)).toBe(expected);
  });
});
