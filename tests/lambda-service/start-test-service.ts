import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { startLambdaService } from '../../dev/lambda-service/start-lambda-service';

export const SERVICE_TEMPLATE = join(__dirname, 'fixtures', 'template.yaml');

export interface TestService {
  /** The AWS SDK's own client, pointed at the service with dummy credentials, as a user's tests would. */
  client: LambdaClient;
  url: string;
  lines: string[];
  close(): Promise<void>;
}

/** Starts start-lambda on a free loopback port with its bundles in a temp dir, and a LambdaClient for it. */
export async function startTestService(templatePath = SERVICE_TEMPLATE): Promise<TestService> {
  const buildDir = await mkdtemp(join(tmpdir(), 'lambda-service-build-'));
  const lines: string[] = [];
  const logger = { info: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
  const service = await startLambdaService({ templatePath, buildDir, port: 0, host: '127.0.0.1', logger });
  const client = new LambdaClient({
    endpoint: service.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    // A refused call is the answer under test: no retries.
    maxAttempts: 1,
  });
  return {
    client,
    url: service.url,
    lines,
    async close() {
      client.destroy();
      await service.close();
      await rm(buildDir, { recursive: true, force: true });
    },
  };
}
