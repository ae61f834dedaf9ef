import { build } from 'esbuild';
import { join } from 'node:path';
import { FRAMEWORKS } from '../support/apps/index';
import { functionUrl } from '../support/formats/http-v2';
import { restV1Event } from '../../dev/sample-events/rest-v1-event';
import { request } from '../../dev/sample-events/sample-request';
import { withFunction } from './launch-runtime-client';

// The streaming handlers as sam build bundles them, run under the real client: the bytes that
// reach the Runtime API are what API Gateway and Function URLs read.

const PRELUDE_CONTENT_TYPE = 'application/vnd.awslambda.http-integration-response';
const NUL8 = Buffer.alloc(8);

async function bundle(framework: string): Promise<string> {
  const result = await build({
    entryPoints: [join(__dirname, '..', '..', 'functions', framework, 'stream-handler.ts')],
    bundle: true,
    platform: 'node',
    target: ['node24'],
    format: 'cjs',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

function split(body: Buffer): { prelude: Record<string, unknown>; body: Buffer } {
  const at = body.indexOf(NUL8);
  if (at === -1) throw new Error(`no prelude in ${body.toString('latin1').slice(0, 200)}`);
  return { prelude: JSON.parse(body.subarray(0, at).toString('utf8')) as Record<string, unknown>, body: body.subarray(at + 8) };
}

describe.each(FRAMEWORKS.map((framework) => [framework]))('the %s streaming bundle under the real client', (framework) => {
  it('streams GET /stream as a prelude, 8 NUL bytes and NDJSON lines that arrive apart; HEAD carries its prelude; Function URLs too', async () => {
    const files = { 'stream-handler.js': await bundle(framework) };
    await withFunction(files, { handler: 'stream-handler.handler' }, async ({ api }) => {
      const streamed = await api.invoke({
        event: restV1Event(
          request({
            path: `/${framework}/stream`,
            query: [
              ['count', '3'],
              ['intervalMs', '200'],
            ],
          }),
        ),
      });
      expect(streamed.kind).toBe('response');
      expect(streamed.headers['content-type']).toBe(PRELUDE_CONTENT_TYPE);
      expect(streamed.trailers).toEqual({});
      const { prelude, body } = split(streamed.body);
      expect(prelude).toMatchObject({ statusCode: 200, headers: { 'content-type': expect.stringMatching(/^application\/x-ndjson/) } });
      const lines = body
        .toString('utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { from: string; seq: number });
      expect(lines.map(({ from, seq }) => `${from} ${seq}`)).toEqual([1, 2, 3].map((seq) => `${framework} ${seq}`));
      // The first line was on the wire before the last was written: not one buffered piece.
      const firstLine = streamed.chunks.findIndex(({ bytes }) => bytes.includes('"seq":1'));
      const lastLine = streamed.chunks.findIndex(({ bytes }) => bytes.includes('"seq":3'));
      expect(lastLine).toBeGreaterThan(firstLine);

      const head = await api.invoke({ event: restV1Event(request({ method: 'HEAD', path: `/${framework}/ping` })) });
      expect(head.headers['content-type']).toBe(PRELUDE_CONTENT_TYPE);
      expect(split(head.body).prelude).toMatchObject({ statusCode: 200 });
      expect(split(head.body).body).toHaveLength(0);

      const url = await api.invoke({ event: functionUrl.buildEvent(request({ path: `/${framework}/stream`, query: [['count', '1']] })) });
      const fromUrl = split(url.body);
      expect(fromUrl.prelude).toMatchObject({ statusCode: 200 });
      expect(fromUrl.prelude).not.toHaveProperty('multiValueHeaders');
      expect(fromUrl.body.toString('utf8')).toContain(`"from":"${framework}"`);
    });
  });
});
