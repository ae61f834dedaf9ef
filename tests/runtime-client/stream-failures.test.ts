import { build } from 'esbuild';
import { FRAMEWORKS } from '../support/apps/index';
import { restV1Event } from '../../dev/sample-events/rest-v1-event';
import { request } from '../../dev/sample-events/sample-request';
import { invokeFunction, withFunction } from './launch-runtime-client';
import type { Outcome } from '../../dev/runtime-client/start-runtime-api';

// Which way of failing a stream after its head the real client reports as a failed invocation.
// Lambda counts an error (its Errors metric), and API Gateway and Function URLs end the client's
// body without its last chunk, only when the POST of the response carries the error trailers.

const STREAMED = (body: string) => ({
  'index.js': `exports.handler = awslambda.streamifyResponse(async (event, responseStream) => {\n${body}\n});`,
});
const SPEC = { handler: 'index.handler' };
const WRITE_HEAD = `const stream = awslambda.HttpResponseStream.from(responseStream, { statusCode: 200 });
  stream.write("partial");
  await new Promise((resolve) => setTimeout(resolve, 10));`;

const errorTrailer = (outcome: Outcome) => outcome.trailers['lambda-runtime-function-error-type'];

describe('a stream that fails after its head, under the real client', () => {
  it('the handler rejecting while the stream is open: the POST ends with the error trailers after the bytes sent', async () => {
    const { outcome } = await invokeFunction(STREAMED(`${WRITE_HEAD} throw new RangeError("cut");`), SPEC, { event: {} });
    expect(outcome.aborted).toBe(false);
    expect(outcome.body.toString()).toContain('partial');
    expect(errorTrailer(outcome)).toBe('RangeError');
  });

  it('the stream destroyed with the error: no trailers, the POST cut off (or never sent), and the runtime process dies of it', async () => {
    const files = STREAMED(`${WRITE_HEAD} stream.destroy(new RangeError("cut"));`);
    await withFunction(files, SPEC, async (running) => {
      const posted = running.api.invoke({ event: {} });
      // The client's own promise rejects unhandled: the process exits (Lambda: Runtime.ExitError, then a cold start).
      expect(await running.exited).not.toBe(0);
      expect(running.stderr.join('\n')).toContain('RangeError: cut');
      // Destroyed early enough, the POST never reached the API at all: either way nothing says why.
      const outcome = await Promise.race([posted, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 200))]);
      expect(outcome === undefined || outcome.aborted).toBe(true);
      expect(outcome && errorTrailer(outcome)).toBeFalsy();
    });
  });

  it('the stream ended, then the handler rejecting: a complete POST without trailers, a success', async () => {
    const { outcome } = await invokeFunction(STREAMED(`${WRITE_HEAD} stream.end(); throw new RangeError("cut");`), SPEC, {
      event: {},
    });
    expect(outcome.aborted).toBe(false);
    expect(errorTrailer(outcome)).toBeUndefined();
  });
});

/** A streaming handler around a framework's test app (tests/support/apps), bundled as sam build bundles. */
async function bundleTestApp(framework: string): Promise<string> {
  const factory = `${framework}TestApp`;
  const result = await build({
    stdin: {
      contents: `import { createStreamHandler } from '../../shared';
        import { ${factory} } from '../support/apps/${framework}';
        export const handler = createStreamHandler(${factory}().app);`,
      resolveDir: __dirname,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: ['node24'],
    format: 'cjs',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

describe.each(FRAMEWORKS.map((framework) => [framework]))('the %s app behind createStreamHandler, under the real client', (framework) => {
  it('a response that breaks after its head fails the invocation: StreamCutError in the trailers, the bytes sent kept, one helper log line', async () => {
    const files = { 'index.js': await bundleTestApp(framework) };
    const { outcome, stdout } = await invokeFunction(files, SPEC, { event: restV1Event(request({ path: '/broken-stream' })) });
    expect(outcome.kind).toBe('response');
    expect(outcome.aborted).toBe(false);
    expect(outcome.body.toString()).toContain('partial body');
    expect(errorTrailer(outcome)).toBe('StreamCutError');
    const reported = JSON.parse(Buffer.from(outcome.trailers['lambda-runtime-function-error-body'] ?? '', 'base64').toString()) as {
      errorMessage: string;
    };
    expect(reported.errorMessage).toContain('after the response');
    // The helper's own line; the runtime adds its "Invoke Error" line for the rejection.
    expect(stdout.filter((line) => line.includes('"level":"ERROR"') && line.includes('/broken-stream'))).toHaveLength(1);
  });
});
