import { createServer } from 'node:http';
import { createHandler } from '../../shared';
import { FORMATS } from '../support/formats';
import { lambdaContext } from '../support/lambda-context';
import { request } from '../../dev/sample-events/sample-request';

// A node:http Server as the app: what `http.createServer(listener)` code hands over unchanged.
describe.each(FORMATS.map((format) => [format.name, format] as const))('%s, a node:http Server as the app', (_name, format) => {
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ method: req.method, url: req.url }));
  });
  const handler = createHandler(server, { basePath: '/orders' });

  it("answers through the server's request listener, in the event's own result shape", async () => {
    const result = await handler(format.buildEvent(request({ path: '/orders/42', query: [['x', '1']] })), lambdaContext());
    expect(format.shapeProblems(result)).toEqual([]);
    const response = format.readResult(result);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body.toString('utf8'))).toEqual({ method: 'GET', url: '/42?x=1' });
  });
});
