import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { startLocalApi, type LocalApi } from '../../dev/local-api/start-local-api';
import { sendRequest } from '../local-api/send-request';
import { SERVICE_TEMPLATE } from './start-test-service';

// make local: the local API and, with --lambda-port, the Lambda Invoke API in one process, on one set of instances.
let api: LocalApi;
let buildDir: string;
let client: LambdaClient;

beforeAll(async () => {
  buildDir = await mkdtemp(join(tmpdir(), 'lambda-beside-api-'));
  const quiet = { info: () => undefined, error: () => undefined };
  api = await startLocalApi({ templatePath: SERVICE_TEMPLATE, buildDir, port: 0, lambdaPort: 0, logger: quiet, maxInstances: 1 });
  client = new LambdaClient({
    endpoint: api.lambdaUrl ?? '',
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client.destroy();
  await api.close();
  await rm(buildDir, { recursive: true, force: true });
});

it('serves the Lambda Invoke API beside the local API, both reaching the same warm instance', async () => {
  const viaApi = await sendRequest(`${api.url}/count`);
  expect(viaApi.text).toBe('1');
  const viaSdk = await client.send(
    new InvokeCommand({ FunctionName: 'EchoFunction', Payload: new TextEncoder().encode('{"count":true}') }),
  );
  expect(JSON.parse(new TextDecoder().decode(viaSdk.Payload))).toEqual({ invocations: 2 });
});
