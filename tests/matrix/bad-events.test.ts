import { replaceWith, withBase64Flag, withBody, withHeader, withMethod, withoutMethod } from '../support/event-edits';
import { expectedResultFormat } from '../support/formats';
import { lambdaContext } from '../support/lambda-context';
import { captureLogs } from '../support/log-capture';
import { CELL_ROWS, exchange, json } from '../support/matrix';
import { request } from '../../dev/sample-events/sample-request';
import { leakedSecrets, SECRET_HEADERS, SECRETS } from '../support/secrets';

const SQS_EVENT = {
  Records: [
    {
      messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
      receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a',
      body: SECRETS.body,
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: '1545082649183' },
      messageAttributes: {},
      md5OfBody: '098f6bcd4621d373cade4e832627b4f6',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:xx-local-1:000000000000:my-queue',
      awsRegion: 'xx-local-1',
    },
  ],
};

type Edit = (event: Record<string, unknown>) => unknown;

const BAD_EVENTS: [string, Edit][] = [
  ['{}', replaceWith({})],
  ['null', replaceWith(null)],
  ['an SQS record', replaceWith(SQS_EVENT)],
  ['a string', replaceWith('GET /inspect')],
  ['an event without its method (2.0: without requestContext.http)', withoutMethod],
  ['a body flagged base64 that is not base64', withBody(`${SECRETS.body}!!`, true)],
  ['a base64 body of the wrong length', withBody('QUJDQQ', true)],
  ['a header name with a space', withHeader('bad header', 'x')],
  ['a header name with a colon', withHeader('x:y', 'x')],
  ['an empty header name', withHeader('', 'x')],
  ['a header value with CR LF', withHeader('x-evil', 'a\r\nx-injected: 1')],
  ['a header value with a lone LF', withHeader('x-evil', 'a\nb')],
  ['a header value with NUL', withHeader('x-evil', 'a\u0000b')],
  ['a header value that is an object', withHeader('x-evil', { nested: true })],
  // API Gateway and ALB always send an upper-case method token; anything else was written by hand or by an attacker.
  ['a lower-case method (get), which frameworks disagree on', withMethod('get')],
  ['an empty method', withMethod('')],
  ['a method carrying CR LF and a header', withMethod('GET\r\nX-Injected: 1')],
  ['a method that is a whole request line', withMethod('GET /admin HTTP/1.1')],
  ['a method that is not a string', withMethod(7)],
  ['isBase64Encoded as the string "true"', withBase64Flag('true')],
  ['isBase64Encoded as the number 1', withBase64Flag(1)],
];

describe.each(CELL_ROWS)('%s', (_name, cell) => {
  const logs = captureLogs();
  const spec = request({
    method: 'POST',
    path: '/inspect',
    headers: [...SECRET_HEADERS, ['content-type', 'text/plain']],
    cookies: [SECRETS.cookie],
    body: Buffer.from(SECRETS.body),
  });

  it.each(BAD_EVENTS)('%s: 400 JSON without running the app, one JSON log line, no secrets logged', async (_case, alter) => {
    const context = lambdaContext();
    const { event, result, response, appRequests } = await exchange(cell, spec, { alter, context });
    expect(response.status).toBe(400);
    expect(json(response)).toEqual({ message: expect.any(String) });
    expect(expectedResultFormat(event).shapeProblems(result)).toEqual([]);
    expect(appRequests).toBe(0);
    const lines = logs();
    expect(lines).toHaveLength(1);
    expect(lines[0]?.json).toMatchObject({
      level: expect.stringMatching(/^(WARN|ERROR)$/),
      requestId: context.awsRequestId,
      message: expect.any(String),
    });
    expect(leakedSecrets(lines)).toEqual([]);
  });

  it('a client cookie with CR LF is a bad event', async () => {
    const { response, appRequests } = await exchange(cell, request({ path: '/inspect', cookies: ['a=1\r\nx-injected: 1'] }));
    expect(response.status).toBe(400);
    expect(appRequests).toBe(0);
    expect(logs()).toHaveLength(1);
  });

  it('the app still answers the next good event after bad ones', async () => {
    await exchange(cell, spec, { alter: replaceWith(null) });
    const { response, appRequests } = await exchange(cell, request({ path: '/inspect' }));
    expect(response.status).toBe(200);
    expect(appRequests).toBe(1);
  });
});
