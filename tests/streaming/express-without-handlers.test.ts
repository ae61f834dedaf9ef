import { once } from 'node:events';
import { installAwsLambdaGlobal, invokeStreamingHandler } from '../../dev/lambda-runtime/instance/awslambda-global';
import { createStreamHandler } from '../../shared';
import { bareExpressApp } from '../support/apps/bare-express';
import { lambdaContext } from '../support/lambda-context';
import { captureLogs, silenceConsoleErrors } from '../support/log-capture';
import { request, type RequestSpec } from '../../dev/sample-events/sample-request';
import { STREAM_FORMATS } from '../support/stream-formats';
import { RecordingSink, splitPrelude } from '../support/stream-sink';

installAwsLambdaGlobal();

describe.each(STREAM_FORMATS.map((format) => [`${format.name} x express`, format] as const))(
  '%s, an app with no error handler, streamed',
  (_name, format) => {
    const logs = captureLogs();
    silenceConsoleErrors();
    const handler = createStreamHandler(bareExpressApp());

    async function send(spec: RequestSpec): Promise<{ prelude: Record<string, unknown>; status: number; body: string; failure: unknown }> {
      const sink = new RecordingSink();
      const failure = await invokeStreamingHandler(handler, format.buildEvent(spec), lambdaContext(), () => sink).then(
        () => undefined,
        (error: unknown) => error,
      );
      if (!sink.writableFinished) await once(sink, 'finish');
      const { prelude, body } = splitPrelude(sink.bytes);
      expect(format.preludeProblems(prelude)).toEqual([]);
      return { prelude, status: prelude['statusCode'] as number, body: body.toString('utf8'), failure };
    }

    it('an unmatched route answers a 404 JSON prelude and body, not an HTML page', async () => {
      const { prelude, status, body } = await send(request({ path: '/no-such-route' }));
      expect(status).toBe(404);
      expect((prelude['headers'] as Record<string, string>)['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(body)).toEqual({ message: 'Not Found' });
      expect(logs()).toEqual([]);
    });

    it.each(['/boom', '/boom-async'])('%s: an unhandled error answers 500 JSON, no message or stack', async (path) => {
      const { status, body } = await send(request({ path }));
      expect(status).toBe(500);
      expect(JSON.parse(body)).toEqual({ message: 'Internal Server Error' });
      expect(body).not.toContain('cannot reach');
      const lines = logs();
      expect(lines).toHaveLength(1);
      expect(lines[0]?.json).toMatchObject({ level: 'ERROR', error: expect.stringContaining('cannot reach postgres://orders:') });
      expect(lines[0]?.raw).not.toContain('hunter2');
    });

    it('an unhandled error after the head fails the invocation after what was written, and one log line names the error', async () => {
      const { status, body, failure } = await send(request({ path: '/boom-after-head' }));
      expect(status).toBe(200);
      expect(body).toBe('partial body');
      expect(failure).toMatchObject({ name: 'StreamCutError' });
      const lines = logs();
      expect(lines).toHaveLength(1);
      expect(lines[0]?.json).toMatchObject({
        level: 'ERROR',
        message: expect.stringContaining('the response was cut after its head'),
        route: 'GET /boom-after-head',
        error: expect.stringContaining('TypeError: cannot reach postgres://orders:'),
      });
      expect(lines[0]?.raw).not.toContain('hunter2');
    });
  },
);
