import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FunctionBuild } from '../../dev/sam-build/build-functions';
import type { FunctionPool } from '../../dev/lambda-runtime/function-pool';
import { messageAnswer, withHeaders, type Gateway } from '../../dev/gateways/gateway';
import { createRequestHandler } from '../../dev/local-api/handle-request';
import { API_GATEWAY_LIMITS } from '../../dev/gateways/limits';
import { sendRequest } from './send-request';

// Two gateways on one port, as a REST API and an HTTP API share the main port: each answers its
// own failures in its own words, even a failure nobody planned for (a bug of the local API).
function fakeGateway(kind: string, prefix: string, statusCode: number): Gateway {
  const gateway: Gateway = {
    kind,
    route: (_method, rawPath) =>
      rawPath.startsWith(prefix)
        ? {
            gateway,
            functionId: `${kind} function`,
            invokeMode: 'BUFFERED',
            timeoutMs: undefined,
            createEvent: () => ({}),
            readResult: () => ({ ok: false, reason: 'not read' }),
          }
        : undefined,
    owns: (rawPath) => rawPath.startsWith(prefix),
    refuse: () => messageAnswer(statusCode, `${kind} failed`),
    finish: (answer) => withHeaders(answer, [['x-answered-by', kind]]),
  };
  return gateway;
}

// A build that throws where it should resolve: the unplanned failure.
const brokenBuild = { current: () => Promise.reject(new Error('broken on purpose')), dispose: async () => {} } as FunctionBuild;

let server: Server;
let base: string;
const errors: string[] = [];

beforeAll(async () => {
  const gateways = [fakeGateway('REST API', '/rest', 502), fakeGateway('HTTP API', '/http', 500)];
  const functions = new Map(gateways.map((gateway) => [`${gateway.kind} function`, { build: brokenBuild, pool: {} as FunctionPool }]));
  server = createServer(
    createRequestHandler({
      gateways: () => gateways,
      functions,
      limits: API_GATEWAY_LIMITS,
      logger: { info: () => {}, error: (line) => errors.push(line) },
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

it.each([
  ['REST API', '/rest/ping', 502],
  ['HTTP API', '/http/ping', 500],
])('an unexpected failure on a %s route is answered by that gateway', async (kind, path, status) => {
  const answer = await sendRequest(`${base}${path}`);
  expect(answer.status).toBe(status);
  expect(answer.json()).toEqual({ message: `${kind} failed` });
  expect(answer.headers['x-answered-by']).toBe(kind);
  expect(errors.some((line) => line.includes(path) && line.includes('broken on purpose'))).toBe(true);
});
