import { ServerResponse } from 'node:http';
import { finishUnhandled } from '../../shared/finish-unhandled';
import { readResponse } from '../../shared/read-response';
import { captureLogs } from '../support/log-capture';
import { invocationRequest } from './invocation-request';

/** Calls the final handler on a fresh request the way Express calls `next`, and reads what it answered. */
function finish(error: unknown, before?: (res: ServerResponse) => void) {
  const { req, socket } = invocationRequest({ method: 'POST', url: '/orders/7?token=SECRET-TOKEN' });
  const res = new ServerResponse(req);
  res.useChunkedEncodingByDefault = false;
  res.assignSocket(socket as never);
  before?.(res);
  finishUnhandled(req, res)(error);
  const response = readResponse(res, socket);
  return { res, response, body: Buffer.from(response.body).toString(), requestId: socket.invocation.context.awsRequestId };
}

describe('finishUnhandled', () => {
  const logs = captureLogs();

  it.each([
    ['no error (no route answered)', undefined],
    ['null', null],
  ])('answers 404 JSON for %s, and logs nothing', (_case, error) => {
    const { response, body } = finish(error);
    expect(response.statusCode).toBe(404);
    expect(response.headers.get('content-type')).toEqual(['application/json; charset=utf-8']);
    expect(body).toBe('{"message":"Not Found"}');
    expect(logs()).toEqual([]);
  });

  it.each([
    ['an Error', new Error('db down at postgres://app:pw-123@db/app'), 'Error: db down at postgres://app:***@db/app'],
    ['a thrown string', 'plain failure', 'plain failure'],
    ['an error whose status is 5xx', Object.assign(new Error('upstream'), { status: 503 }), 'Error: upstream'],
  ])('answers 500 JSON without the message for %s, and logs it once: name, masked message, route without query', (_case, error, logged) => {
    const { response, body, requestId } = finish(error);
    expect(response.statusCode).toBe(500);
    expect(body).toBe('{"message":"Internal Server Error"}');
    expect(logs()).toHaveLength(1);
    expect(logs()[0]?.json).toMatchObject({ level: 'ERROR', requestId, route: 'POST /orders/7', error: logged });
    expect(logs()[0]?.raw).not.toContain('SECRET-TOKEN');
  });

  it.each([
    ['status', 413, 'Payload Too Large'],
    ['statusCode', 400, 'Bad Request'],
  ])('keeps a client error’s 4xx %s, and logs its name only, since its message may quote the body', (field, status, text) => {
    const error = Object.assign(new SyntaxError('Unexpected token in JSON: "SECRET-BODY"'), { [field]: status });
    const { response, body } = finish(error);
    expect(response.statusCode).toBe(status);
    expect(body).toBe(JSON.stringify({ message: text }));
    expect(logs()).toHaveLength(1);
    expect(logs()[0]?.json).toMatchObject({ level: 'WARN', statusCode: status, error: 'SyntaxError' });
    expect(logs()[0]?.raw).not.toContain('SECRET-BODY');
  });

  it('drops the headers the app set before it failed', () => {
    const { response } = finish(new Error('x'), (res) => {
      res.setHeader('content-type', 'image/png');
      res.setHeader('x-partial', '1');
    });
    expect(response.headers.get('content-type')).toEqual(['application/json; charset=utf-8']);
    expect(response.headers.has('x-partial')).toBe(false);
  });

  it('breaks a response already under way instead of appending an error to it', () => {
    const { res } = finish(new Error('late failure'), (started) => {
      started.writeHead(200, { 'content-type': 'text/plain' });
      started.write('partial');
    });
    expect(res.destroyed).toBe(true);
    expect(res.writableEnded).toBe(false);
  });
});
