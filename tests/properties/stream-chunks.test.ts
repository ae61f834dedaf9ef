import fc from 'fast-check';
import { installAwsLambdaGlobal, invokeStreamingHandler } from '../../dev/lambda-runtime/instance/awslambda-global';
import { createStreamHandler } from '../../shared';
import { ChunkUnframer } from '../../shared/unframe-chunks';
import { lambdaContext } from '../support/lambda-context';
import { request } from '../../dev/sample-events/sample-request';
import { STREAM_FORMATS } from '../support/stream-formats';
import { RecordingSink, splitPrelude } from '../support/stream-sink';

installAwsLambdaGlobal();

/** One app write: bytes or text, and whether the app waits a turn before the next. */
const write = fc.record({
  chunk: fc.oneof(
    fc.uint8Array({ maxLength: 3000 }).map((bytes) => Buffer.from(bytes)),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
  ),
  pause: fc.boolean(),
});

let script: { chunk: Buffer | string; pause: boolean }[] = [];
const handler = createStreamHandler(async (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/octet-stream' });
  for (const { chunk, pause } of script) {
    res.write(chunk);
    if (pause) await new Promise((resolve) => setImmediate(resolve));
  }
  res.end();
});

const bytesOf = (writes: readonly { chunk: Buffer | string }[]): Buffer =>
  Buffer.concat(writes.map(({ chunk }) => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk)));

describe.each(STREAM_FORMATS.map((format) => [format.name, format] as const))('%s', (_name, format) => {
  it('any sequence of written chunks arrives byte-identical, in order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { maxLength: 12 }), async (writes) => {
        script = writes;
        const sink = new RecordingSink();
        await invokeStreamingHandler(handler, format.buildEvent(request({ path: '/any' })), lambdaContext(), () => sink);
        expect(splitPrelude(sink.bytes).body.equals(bytesOf(writes))).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
});

describe('ChunkUnframer', () => {
  it('gives back the body of any chunked framing, however the frames are cut between writes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 1, maxLength: 300 }), { maxLength: 8 }), fc.array(fc.nat()), (chunks, cuts) => {
        const framed = Buffer.concat([
          ...chunks.flatMap((chunk) => [Buffer.from(`${chunk.length.toString(16)}\r\n`), Buffer.from(chunk), Buffer.from('\r\n')]),
          Buffer.from('0\r\n\r\n'),
        ]);
        const offsets = [...new Set(cuts.map((cut) => cut % (framed.length + 1)))].sort((a, b) => a - b);
        const unframer = new ChunkUnframer();
        const body: Buffer[] = [];
        let start = 0;
        for (const end of [...offsets, framed.length]) {
          body.push(...unframer.push(framed.subarray(start, end)));
          start = end;
        }
        expect(Buffer.concat(body).equals(Buffer.concat(chunks))).toBe(true);
      }),
    );
  });
});
