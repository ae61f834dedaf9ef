import { InvokeCommand, type InvocationType } from '@aws-sdk/client-lambda';
import { startTestService, type TestService } from './start-test-service';

// start-lambda as the AWS SDK for JavaScript v3 sees it: the real LambdaClient, Invoke in each of its types.
let service: TestService;

beforeAll(async () => {
  service = await startTestService();
});

afterAll(async () => {
  await service.close();
});

const payload = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const readPayload = (bytes: Uint8Array | undefined): unknown => JSON.parse(new TextDecoder().decode(bytes));

describe('Invoke', () => {
  it.each<[InvocationType, number, boolean]>([
    ['RequestResponse', 200, true],
    ['Event', 202, false],
    ['DryRun', 204, false],
  ])('%s answers %i, with the result only when synchronous', async (type, status, hasResult) => {
    const answer = await service.client.send(
      new InvokeCommand({ FunctionName: 'EchoFunction', InvocationType: type, Payload: payload({ n: 1 }) }),
    );
    expect(answer.StatusCode).toBe(status);
    expect(answer.FunctionError).toBeUndefined();
    if (hasResult) {
      expect(readPayload(answer.Payload)).toEqual({ echoed: { n: 1 } });
      expect(answer.ExecutedVersion).toBe('$LATEST');
    } else expect(answer.Payload?.length ?? 0).toBe(0);
  });

  it('runs an Event invocation in the background after answering 202', async () => {
    const marker = `event-${Date.now()}`;
    await service.client.send(
      new InvokeCommand({ FunctionName: 'EchoFunction', InvocationType: 'Event', Payload: payload({ log: [marker] }) }),
    );
    for (let attempt = 0; attempt < 500 && !service.lines.some((line) => line.includes(marker)); attempt += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(service.lines.some((line) => line.includes(marker))).toBe(true);
  });

  it("sends no payload as {}, as Lambda's clients do", async () => {
    const answer = await service.client.send(new InvokeCommand({ FunctionName: 'EchoFunction' }));
    expect(readPayload(answer.Payload)).toEqual({ echoed: {} });
  });

  it('names a function by its ARN as well as by its logical id', async () => {
    const arn = 'arn:aws:lambda:xx-local-1:000000000000:function:EchoFunction';
    const answer = await service.client.send(new InvokeCommand({ FunctionName: arn, Payload: payload({ by: 'arn' }) }));
    expect(readPayload(answer.Payload)).toEqual({ echoed: { by: 'arn' } });
  });

  it("returns the invocation's own log lines, base64, under LogType Tail", async () => {
    const answer = await service.client.send(
      new InvokeCommand({ FunctionName: 'EchoFunction', LogType: 'Tail', Payload: payload({ log: ['first line', 'second line'] }) }),
    );
    const log = Buffer.from(answer.LogResult ?? '', 'base64').toString('utf8');
    expect(log).toMatch(/first line[\s\S]*second line/);
  });

  it('keeps only the last 4 KB of a long log', async () => {
    const lines = Array.from({ length: 200 }, (_, n) => `line ${n} ${'.'.repeat(40)}`);
    const answer = await service.client.send(
      new InvokeCommand({ FunctionName: 'EchoFunction', LogType: 'Tail', Payload: payload({ log: lines }) }),
    );
    const log = Buffer.from(answer.LogResult ?? '', 'base64').toString('utf8');
    expect(Buffer.byteLength(log)).toBeLessThanOrEqual(4096);
    expect(log).toContain('line 199 ');
    expect(log).not.toContain('line 0 ');
  });

  it("answers a function's error as 200 with X-Amz-Function-Error: Unhandled and Lambda's error object", async () => {
    const answer = await service.client.send(new InvokeCommand({ FunctionName: 'EchoFunction', Payload: payload({ fail: 'no luck' }) }));
    expect(answer.StatusCode).toBe(200);
    expect(answer.FunctionError).toBe('Unhandled');
    expect(readPayload(answer.Payload)).toEqual({
      errorType: 'TypeError',
      errorMessage: 'no luck',
      trace: expect.arrayContaining([expect.stringContaining('TypeError: no luck')]),
    });
  });

  it('answers a result over 6 MB as the function error Lambda gives it', async () => {
    const answer = await service.client.send(new InvokeCommand({ FunctionName: 'EchoFunction', Payload: payload({ oversize: true }) }));
    expect(answer.FunctionError).toBe('Unhandled');
    expect(readPayload(answer.Payload)).toMatchObject({ errorType: 'Function.ResponseSizeTooLarge' });
  });
});

describe("the Lambda API's own errors", () => {
  it.each([
    ['an unknown function', 'NoSuchFunction', 'ResourceNotFoundException', undefined],
    ['a name that climbs out with ../', '../EchoFunction', 'ResourceNotFoundException', undefined],
    ['a published version, which a local run has none of', 'EchoFunction', 'ResourceNotFoundException', '7'],
  ])('refuses %s', async (_case, name, code, qualifier) => {
    const call = service.client.send(new InvokeCommand({ FunctionName: name, Qualifier: qualifier, Payload: payload({}) }));
    await expect(call).rejects.toMatchObject({ name: code, $metadata: { httpStatusCode: 404 } });
  });

  it('says which function it could not find, as Lambda does', async () => {
    const call = service.client.send(new InvokeCommand({ FunctionName: 'NoSuchFunction' }));
    await expect(call).rejects.toMatchObject({
      message: expect.stringMatching(/^Function not found: arn:aws:lambda:.*:function:NoSuchFunction$/),
    });
  });

  it('refuses a payload that is not JSON with InvalidRequestContentException', async () => {
    const call = service.client.send(new InvokeCommand({ FunctionName: 'EchoFunction', Payload: new TextEncoder().encode('{not json') }));
    await expect(call).rejects.toMatchObject({ name: 'InvalidRequestContentException', $metadata: { httpStatusCode: 400 } });
  });

  it.each<[InvocationType, number]>([
    ['RequestResponse', 7 * 1024 * 1024],
    ['Event', 1024 * 1024 + 100],
  ])('refuses a %s payload of %i bytes with RequestTooLargeException (413)', async (type, bytes) => {
    const big = payload({ padding: 'x'.repeat(bytes) });
    const call = service.client.send(new InvokeCommand({ FunctionName: 'EchoFunction', InvocationType: type, Payload: big }));
    await expect(call).rejects.toMatchObject({ name: 'RequestTooLargeException', $metadata: { httpStatusCode: 413 } });
  });

  it('still serves after the hostile calls', async () => {
    const answer = await service.client.send(new InvokeCommand({ FunctionName: 'EchoFunction', Payload: payload({ after: true }) }));
    expect(readPayload(answer.Payload)).toEqual({ echoed: { after: true } });
  });
});

describe('200 concurrent Invoke calls', () => {
  it('answers each with its own result', async () => {
    const calls = Array.from({ length: 200 }, (_, n) =>
      service.client.send(new InvokeCommand({ FunctionName: 'EchoFunction', Payload: payload({ n }) })),
    );
    const answers = await Promise.all(calls);
    expect(answers.map((answer) => readPayload(answer.Payload))).toEqual(Array.from({ length: 200 }, (_, n) => ({ echoed: { n } })));
  });
});
