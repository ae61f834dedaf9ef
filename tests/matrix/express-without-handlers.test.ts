import { createHandler } from '../../shared';
import { bareExpressApp } from '../support/apps/bare-express';
import { FORMATS } from '../support/formats';
import { lambdaContext } from '../support/lambda-context';
import { captureLogs, silenceConsoleErrors } from '../support/log-capture';
import { request, type RequestSpec } from '../../dev/sample-events/sample-request';
import { leakedSecrets, SECRETS } from '../support/secrets';

/** Express reads NODE_ENV when the app is created: build it under each setting. */
function handlerUnder(nodeEnv: string | undefined): ReturnType<typeof createHandler> {
  const saved = process.env['NODE_ENV'];
  if (nodeEnv === undefined) delete process.env['NODE_ENV'];
  else process.env['NODE_ENV'] = nodeEnv;
  try {
    return createHandler(bareExpressApp());
  } finally {
    if (saved === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = saved;
  }
}

const ROWS = FORMATS.flatMap((format) =>
  [undefined, 'development', 'production'].map(
    (nodeEnv) => [`${format.name} x express, NODE_ENV ${nodeEnv ?? 'unset'}`, format, nodeEnv] as const,
  ),
);

describe.each(ROWS)('%s, an app with no error handler', (_name, format, nodeEnv) => {
  const logs = captureLogs();
  silenceConsoleErrors();
  const handler = handlerUnder(nodeEnv);

  async function send(spec: RequestSpec): Promise<{ result: unknown; status: number; body: string; contentType: string | undefined }> {
    const result = await handler(format.buildEvent(spec), lambdaContext());
    expect(format.shapeProblems(result)).toEqual([]);
    const response = format.readResult(result);
    return { result, status: response.status, body: response.body.toString('utf8'), contentType: response.headers['content-type']?.[0] };
  }

  it.each(['/boom', '/boom-async'])('%s: an unhandled error answers 500 JSON with no message or stack', async (path) => {
    const { result, status, body, contentType } = await send(request({ path }));
    expect(status).toBe(500);
    expect(contentType).toMatch(/^application\/json/);
    expect(JSON.parse(body)).toEqual({ message: 'Internal Server Error' });
    const wire = JSON.stringify(result);
    expect(wire).not.toContain('cannot reach');
    expect(wire).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it.each([
    ['/boom', 'TypeError'],
    ['/boom-async', 'RangeError'],
  ])('%s: one JSON log line with the error name and the message, its password masked', async (path, name) => {
    await send(request({ path }));
    const lines = logs();
    expect(lines).toHaveLength(1);
    expect(lines[0]?.json).toMatchObject({ level: 'ERROR', error: expect.stringContaining(`${name}: cannot reach postgres://orders:`) });
    expect(lines[0]?.raw).not.toContain('hunter2');
  });

  it("an unhandled error after the head answers the helper's 500, and one log line names the error", async () => {
    const { status, body } = await send(request({ path: '/boom-after-head' }));
    expect(status).toBe(500);
    expect(JSON.parse(body)).toEqual({ message: 'Internal Server Error' });
    const lines = logs();
    expect(lines).toHaveLength(1);
    expect(lines[0]?.json).toMatchObject({
      level: 'ERROR',
      route: 'GET /boom-after-head',
      error: expect.stringContaining('TypeError: cannot reach postgres://orders:'),
    });
    expect(lines[0]?.raw).not.toContain('hunter2');
  });

  it('an unmatched route answers 404 JSON, not an HTML page', async () => {
    const { status, body, contentType } = await send(request({ path: '/no-such-route' }));
    expect(status).toBe(404);
    expect(contentType).toMatch(/^application\/json/);
    expect(JSON.parse(body)).toEqual({ message: 'Not Found' });
    expect(logs()).toEqual([]);
  });

  it('a client error (a body the JSON parser refuses) keeps its 4xx status, and neither answer nor log quotes the body', async () => {
    const spec = request({
      method: 'POST',
      path: '/json',
      headers: [['content-type', 'application/json']],
      body: Buffer.from(`{"token": ${SECRETS.body}`),
    });
    const { result, status, body } = await send(spec);
    expect(status).toBe(400);
    expect(JSON.parse(body)).toEqual({ message: 'Bad Request' });
    expect(JSON.stringify(result)).not.toContain(SECRETS.body);
    expect(logs()).toHaveLength(1);
    expect(leakedSecrets(logs())).toEqual([]);
  });
});
