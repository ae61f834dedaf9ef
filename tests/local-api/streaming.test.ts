import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ndjsonLines, openStream, readStream } from './read-stream';
import { sendRequest } from './send-request';
import { accessLineFor, startTestApi, type TestApi } from './start-test-api';

// A REST API STREAM integration served by the local API, over real HTTP: a handler that writes its
// response stream by hand (fixtures/stream/cases.ts), well and badly.
const TEMPLATE = join(__dirname, 'fixtures', 'stream', 'template.yaml');
const MB = 1024 * 1024;
let api: TestApi;
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'local-stream-'));
  api = await startTestApi({ templatePath: TEMPLATE });
});

afterAll(async () => {
  await api.close();
  rmSync(scratch, { recursive: true, force: true });
});

let files = 0;
const scratchFile = (name: string) => join(scratch, `${name}-${(files += 1)}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a streamed response', () => {
  it('reaches the client line by line: the function writes line 2 only once the client holds line 1', async () => {
    const gate = scratchFile('gate');
    const response = await openStream(`${api.url}/cases/gated?gate=${encodeURIComponent(gate)}`);
    const read = await readStream(response, (_chunk, chunks) => {
      if (chunks.length === 1) writeFileSync(gate, 'line 1 arrived');
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-ndjson');
    expect(response.headers['transfer-encoding']).toBe('chunked');
    expect(read.chunks[0]?.toString()).toBe('{"seq":1}\n');
    expect(ndjsonLines(read.body)).toEqual([{ seq: 1 }, { seq: 2 }]);
    expect(read.complete).toBe(true);
  });

  it("takes its status, headers, multiValueHeaders and cookies from the prelude, and API Gateway's own headers", async () => {
    const answer = await sendRequest(`${api.url}/cases/prelude`);
    expect(answer.status).toBe(201);
    expect(answer.text).toBe('created');
    expect(answer.headers['content-type']).toBe('text/plain');
    expect(answer.headers['x-single']).toBe('one');
    // As for a buffered answer, a REST API renames the function's Date.
    expect(answer.headers['x-amzn-remapped-date']).toBe('Thu, 01 Jan 1970 00:00:00 GMT');
    expect(answer.headers['x-multi']).toBe('a, b');
    expect(answer.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; HttpOnly']);
    // The prelude's content-length is dropped: the gateway frames the streamed body itself.
    expect(answer.headers['content-length']).toBeUndefined();
    expect(answer.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers['x-amz-apigw-id']).toBeDefined();
  });

  it('answers 204 with no body when the function writes its prelude and an empty chunk', async () => {
    const answer = await sendRequest(`${api.url}/cases/no-content`);
    expect(answer.status).toBe(204);
    expect(answer.headers['x-empty']).toBe('yes');
    expect(answer.body.length).toBe(0);
  });

  it('carries every line of a function whose promise resolves before its stream ends (the runtime waits for both)', async () => {
    const read = await readStream(await openStream(`${api.url}/cases/resolve-early`));
    expect(ndjsonLines(read.body)).toEqual([{ seq: 1 }, { seq: 2 }]);
    expect(read.complete).toBe(true);
  });
});

describe('a RESPONSE_STREAM Function URL', () => {
  const urlOf = () => api.functionUrls().get('UrlStreamFunction') ?? '';

  it('streams line by line too: line 2 is written only once the client holds line 1', async () => {
    const gate = scratchFile('gate');
    const read = await readStream(await openStream(`${urlOf()}/gated?gate=${encodeURIComponent(gate)}`), () =>
      writeFileSync(gate, 'arrived'),
    );
    expect(ndjsonLines(read.body)).toEqual([{ seq: 1 }, { seq: 2 }]);
    expect(read.chunks[0]?.toString()).toBe('{"seq":1}\n');
  });

  it('takes status, headers and cookies from the prelude, and passes Date as written', async () => {
    const answer = await sendRequest(`${urlOf()}/prelude`);
    expect(answer.status).toBe(201);
    expect(answer.text).toBe('created');
    expect(answer.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; HttpOnly']);
    expect(answer.headers['date']).toBe('Thu, 01 Jan 1970 00:00:00 GMT');
    expect(answer.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends a stream without the prelude content type as a 200 body of its own type', async () => {
    const answer = await sendRequest(`${urlOf()}/raw`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/plain');
    expect(answer.text).toBe('a body without a prelude');
  });

  it.each(['end-only', 'bad-status', 'throw-before'])('answers 502 Internal Server Error for a stream that is %s', async (streamCase) => {
    const answer = await sendRequest(`${urlOf()}/${streamCase}`);
    expect(answer.status).toBe(502);
    expect(answer.text).toBe('Internal Server Error');
  });
});

describe('a stream API Gateway cannot read answers 502 Internal server error, with the reason on the console', () => {
  // Shaped like gateway-answers.test.ts's table of malformed buffered results; these are streams, read by another reader.
  it.each([
    ['end-only', 'no prelude: the stream ended without a byte'],
    ['nothing', 'no prelude: the stream ended without a byte'],
    ['raw', 'no prelude: the stream ended after 24 bytes'],
    ['malformed', 'malformed prelude: the prelude is not JSON'],
    ['bad-status', 'malformed prelude: statusCode "ok" is not an HTTP status code'],
    ['throw-before', 'Error: failed before the prelude'],
  ])('a handler whose stream is %s', async (streamCase, reason) => {
    const answer = await sendRequest(`${api.url}/cases/${streamCase}`);
    expect(answer.status).toBe(502);
    expect(answer.json()).toEqual({ message: 'Internal server error' });
    expect(answer.headers['x-amzn-errortype']).toBe('InternalServerErrorException');
    expect(api.errors.some((line) => line.includes(`/cases/${streamCase}`) && line.includes(reason))).toBe(true);
  });

  it('a function Timeout before the prelude', async () => {
    const answer = await sendRequest(`${api.url}/short/hang-before`);
    expect(answer.status).toBe(502);
    expect(api.errors.some((line) => line.includes('/short/hang-before') && line.includes('Task timed out after 1.00 seconds'))).toBe(true);
  });
});

describe('a function that fails once its prelude is out', () => {
  it('has its connection cut after the body written so far, and the reason logged', async () => {
    const gate = scratchFile('gate');
    const response = await openStream(`${api.url}/cases/throw-after?gate=${encodeURIComponent(gate)}`);
    const read = await readStream(response, () => writeFileSync(gate, 'line 1 arrived'));
    expect(response.status).toBe(200);
    expect(read.body.toString()).toBe('{"seq":1}\n');
    expect(read.complete).toBe(false);
    expect(api.errors.some((line) => line.includes('/cases/throw-after') && line.includes('Error: failed after the prelude'))).toBe(true);
    expect(accessLineFor(api.lines, 'GET', '/cases/throw-after?gate=***')).toContain('(the function failed mid-stream)');
  });

  it('behind createStreamHandler: the client gets the body so far and no last chunk, so it cannot take it as complete', async () => {
    const gate = scratchFile('gate');
    const response = await openStream(`${api.url}/helper/fail-after-head?gate=${encodeURIComponent(gate)}`);
    const read = await readStream(response, () => writeFileSync(gate, 'line 1 arrived'));
    expect(response.status).toBe(200);
    expect(response.headers['transfer-encoding']).toBe('chunked');
    expect(read.body.toString()).toBe('{"seq":1}\n');
    expect(read.complete).toBe(false);
    expect(api.errors.some((line) => line.includes('/helper/fail-after-head') && line.includes('StreamCutError'))).toBe(true);
    expect(accessLineFor(api.lines, 'GET', '/helper/fail-after-head?gate=***')).toContain('(the function failed mid-stream)');
  });

  it('runs into its Timeout: the body so far, then the cut', async () => {
    const read = await readStream(await openStream(`${api.url}/short/hang-after`));
    expect(read.body.toString()).toBe('{"seq":1}\n');
    expect(read.complete).toBe(false);
    expect(api.errors.some((line) => line.includes('/short/hang-after') && line.includes('Task timed out after 1.00 seconds'))).toBe(true);
  });
});

interface Progress {
  written: number;
  waiting: boolean;
  done?: boolean;
}

describe('back-pressure', () => {
  it('a client that stops reading holds the function back, far short of the stream, and the stream completes once it reads', async () => {
    const total = 64 * MB;
    const progressFile = scratchFile('progress');
    const readProgress = (): Progress | undefined => {
      try {
        return JSON.parse(readFileSync(progressFile, 'utf8')) as Progress;
      } catch {
        return undefined;
      }
    };
    const response = await openStream(`${api.url}/cases/flood?total=${total}&progress=${encodeURIComponent(progressFile)}`);
    // The client reads nothing. Wait until the function's progress stands still (or it is done).
    let before: Progress | undefined;
    for (;;) {
      await sleep(250);
      const now = readProgress();
      if (now?.done || (now && before && now.written === before.written && now.waiting)) {
        before = now;
        break;
      }
      before = now;
    }
    expect(before.done).toBeUndefined();
    expect(before.waiting).toBe(true);
    // What the worker, the local API and the loopback socket's buffers hold: nowhere near the whole stream.
    expect(before.written).toBeLessThanOrEqual(total / 4);

    const read = await readStream(response);
    expect(read.body.length).toBe(total);
    expect(read.complete).toBe(true);
    expect(readProgress()).toEqual({ written: total, waiting: false, done: true });
  });

  it("a client that leaves mid-stream errors the function's stream, which frees the instance for the next request", async () => {
    const progressFile = scratchFile('progress');
    const response = await openStream(`${api.url}/cases/flood?progress=${encodeURIComponent(progressFile)}&total=${64 * MB}`);
    await new Promise<void>((resolve) => {
      response.message.once('data', () => resolve());
      response.message.resume();
    });
    response.message.destroy();
    for (;;) {
      await sleep(50);
      if (accessLineFor(api.lines, 'GET', '/cases/flood?progress=***&total=***')) break;
    }
    expect(accessLineFor(api.lines, 'GET', '/cases/flood?progress=***&total=***')).toContain(
      '(the client closed the connection mid-stream)',
    );
    expect(JSON.parse(readFileSync(progressFile, 'utf8'))).not.toHaveProperty('done');
    const next = await sendRequest(`${api.url}/cases/prelude`);
    expect(next.status).toBe(201);
  });
});
