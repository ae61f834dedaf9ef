import { randomBytes } from 'node:crypto';
import { InvokeWithResponseStreamCommand, type InvokeWithResponseStreamCompleteEvent } from '@aws-sdk/client-lambda';
import { startTestService, type TestService } from './start-test-service';

// InvokeWithResponseStream read with the AWS SDK's own event-stream iterator, as a user's tests read it.
let service: TestService;

beforeAll(async () => {
  service = await startTestService();
});

afterAll(async () => {
  await service.close();
});

interface ReadStream {
  contentType: string | undefined;
  chunks: Buffer[];
  complete: InvokeWithResponseStreamCompleteEvent | undefined;
}

async function invokeStreaming(functionName: string, event: unknown, logType?: 'Tail'): Promise<ReadStream> {
  const answer = await service.client.send(
    new InvokeWithResponseStreamCommand({
      FunctionName: functionName,
      LogType: logType,
      Payload: new TextEncoder().encode(JSON.stringify(event)),
    }),
  );
  const read: ReadStream = { contentType: answer.ResponseStreamContentType, chunks: [], complete: undefined };
  for await (const item of answer.EventStream ?? []) {
    if (item.PayloadChunk?.Payload) read.chunks.push(Buffer.from(item.PayloadChunk.Payload));
    if (item.InvokeComplete) read.complete = item.InvokeComplete;
  }
  return read;
}

describe('InvokeWithResponseStream', () => {
  it.each([
    ['text', ['first\n', 'second\n', 'third\n'].map((text) => Buffer.from(text))],
    ['binary bytes that are not UTF-8, large and small', [randomBytes(70_000), randomBytes(1), randomBytes(5000)]],
  ])('delivers %s as PayloadChunk events in order, byte for byte', async (_kind, chunks) => {
    const read = await invokeStreaming('ChunksFunction', { chunks: chunks.map((chunk) => chunk.toString('base64')) });
    expect(Buffer.concat(read.chunks).equals(Buffer.concat(chunks))).toBe(true);
    expect(read.chunks.map((chunk) => chunk.length)).toEqual(chunks.map((chunk) => chunk.length));
    expect(read.contentType).toBe('application/octet-stream');
    expect(read.complete).toEqual({});
  });

  it('ends a failing stream with InvokeComplete carrying the error, after the chunks it wrote', async () => {
    const read = await invokeStreaming('ChunksFunction', { chunks: [Buffer.from('partial').toString('base64')], failAfter: true });
    expect(Buffer.concat(read.chunks).toString()).toBe('partial');
    expect(read.complete?.ErrorCode).toBe('Unhandled');
    expect(JSON.parse(read.complete?.ErrorDetails ?? '{}')).toMatchObject({
      errorType: 'RangeError',
      errorMessage: 'failed after its chunks',
    });
  });

  it("returns a buffered function's result as one JSON chunk, as Lambda does", async () => {
    const read = await invokeStreaming('EchoFunction', { n: 2 });
    expect(read.contentType).toBe('application/json');
    expect(JSON.parse(Buffer.concat(read.chunks).toString())).toEqual({ echoed: { n: 2 } });
  });

  it("puts the tail of the invocation's log in InvokeComplete's LogResult under LogType Tail", async () => {
    const read = await invokeStreaming('EchoFunction', { log: ['streamed and logged'] }, 'Tail');
    expect(Buffer.from(read.complete?.LogResult ?? '', 'base64').toString()).toContain('streamed and logged');
  });

  it('refuses an unknown function with ResourceNotFoundException', async () => {
    await expect(invokeStreaming('NoSuchFunction', {})).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
