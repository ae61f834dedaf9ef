import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { startTestApi, type TestApi } from './start-test-api';

// How large a streamed prelude (status and headers) may be. Lambda's quota for the combined size
// of the request line and header values is 1 MB; a prelude within it is served, locally as there.
const TEMPLATE = join(__dirname, 'fixtures', 'stream', 'template.yaml');
const KB = 1024;
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ templatePath: TEMPLATE });
});

afterAll(async () => {
  await api.close();
});

interface BigAnswer {
  status: number;
  bigHeaderBytes: number;
  text: string;
}

// node:http refuses response heads over 16 KB by default; this client takes up to 2 MB.
function sendTakingBigHeads(url: string): Promise<BigAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { agent: false, maxHeaderSize: 2 * KB * KB }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const big = response.headers['x-big'];
        resolve({
          status: response.statusCode ?? 0,
          bigHeaderBytes: typeof big === 'string' ? big.length : 0,
          text: Buffer.concat(chunks).toString(),
        });
      });
    });
    request.on('error', reject);
    request.end();
  });
}

describe.each([
  ['REST API STREAM integration', () => `${api.url}/cases/big-prelude`],
  ['Function URL in RESPONSE_STREAM mode', () => `${api.functionUrls().get('UrlStreamFunction') ?? ''}/big-prelude`],
])('%s', (_source, url) => {
  it('serves a 100 KB prelude with its headers, then the body', async () => {
    const answer = await sendTakingBigHeads(`${url()}?bytes=${100 * KB}`);
    expect(answer).toEqual({ status: 200, bigHeaderBytes: 100 * KB, text: 'after a big prelude' });
  });

  it("answers a prelude past Lambda's 1 MB of header values as a failed function, saying why", async () => {
    const answer = await sendTakingBigHeads(`${url()}?bytes=${1100 * KB}`);
    expect(answer.status).toBe(502);
    expect(api.errors.some((line) => line.includes('no prelude') && line.includes('1 MB'))).toBe(true);
  });
});
