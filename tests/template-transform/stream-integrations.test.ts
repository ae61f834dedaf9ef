import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTemplate } from '../../dev/sam-model/read-template';
import { transformTemplate } from './transform-template';

/*
 * The streaming routes as API Gateway gets them, after the SAM transform. Without an integration
 * timeout API Gateway's default applies, 29 s, while GET /stream may run about 200 s. In STREAM
 * mode the timeout may be set up to 900,000 ms (15 minutes); docs/helper-design.md has the sources.
 */

const REPO_ROOT = join(__dirname, '..', '..');
const TEMPLATE_PATH = join(REPO_ROOT, 'template.yaml');
/** GET /stream?count=100&intervalMs=2000: 100 lines 2 s apart, the longest answer the apps stream. */
const LONGEST_STREAM_MS = 100 * 2000;
const STREAM_TIMEOUT_LIMIT_MS = 900_000;

interface Integration {
  readonly uri?: unknown;
  readonly responseTransferMode?: string;
  readonly timeoutInMillis?: number;
}

function integrationsOf(): [string, Integration][] {
  const transformed = transformTemplate(readFileSync(TEMPLATE_PATH, 'utf8'));
  const api = Object.values(transformed.Resources).find((resource) => resource.Type === 'AWS::ApiGateway::RestApi');
  const paths = ((api?.Properties['Body'] as { paths?: Record<string, Record<string, Record<string, Integration>>> }) ?? {}).paths ?? {};
  return Object.entries(paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]): [string, Integration] => [
      `${method} ${path}`,
      operation['x-amazon-apigateway-integration'] ?? {},
    ]),
  );
}

describe('the transformed template', () => {
  const integrations = integrationsOf();
  const streaming = integrations.filter(([, integration]) => integration.responseTransferMode === 'STREAM');
  const functions = readTemplate(TEMPLATE_PATH).functions.filter((fn) => fn.responseStreaming);

  it('has one STREAM integration per streaming function, calling InvokeWithResponseStream', () => {
    expect(streaming).toHaveLength(functions.length);
    for (const [, integration] of streaming) expect(JSON.stringify(integration.uri)).toContain('/response-streaming-invocations');
  });

  it.each(functions.map((fn) => [fn.logicalId, fn] as const))(
    "%s's route waits longer than the longest stream and the function's own Timeout, within STREAM's 15 minutes",
    (_id, fn) => {
      const route = streaming.find(([, integration]) => JSON.stringify(integration.uri).includes(`\${${fn.logicalId}.Arn}`));
      const timeout = route?.[1].timeoutInMillis ?? 0;
      expect(timeout).toBeGreaterThan(LONGEST_STREAM_MS);
      expect(timeout).toBeGreaterThanOrEqual(fn.timeoutSeconds * 1000);
      expect(timeout).toBeLessThanOrEqual(STREAM_TIMEOUT_LIMIT_MS);
    },
  );

  it('leaves the buffered routes at the default 29 s (their functions answer within 10 s)', () => {
    const buffered = integrations.filter(([, integration]) => integration.responseTransferMode !== 'STREAM');
    expect(buffered.length).toBeGreaterThan(0);
    for (const [, integration] of buffered) expect(integration.timeoutInMillis).toBeUndefined();
  });
});
