import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { buildArtifact, type BuiltArtifact } from '../../dev/sam-build/build-artifact';
import { sampleEvents, type SampleEvent } from '../../dev/sample-events/sample-events';
import { appNameOf } from '../../dev/sam-model/frameworks';
import { readTemplate, type TemplateFunction } from '../../dev/sam-model/read-template';
import { PRELUDE_CONTENT_TYPE } from '../../dev/lambda-runtime/instance/awslambda-global';
import { UNIX_DATE_PATTERN } from '../../functions/format-unix-date';
import { splitPrelude } from '../support/stream-sink';
import { buildRuntime } from '../../dev/lambda-runtime/build-runtime';
import { bundleRunner, invokeArtifact, type Invocation, type RunnerReport } from './invoke-artifact';
import { streamInInstance } from './stream-in-instance';
import { packageOf } from '../support/package-of';

/*
 * What `sam build` ships, tested as shipped: every function of template.yaml built by the model
 * exactly as sam build does (production dependencies only, then esbuild with its
 * BuildProperties), written outside the repo so that no node_modules is reachable, then loaded
 * from its Handler in a fresh Node process and invoked with its sample events from events/.
 */

const REPO_ROOT = join(__dirname, '..', '..');
const MB = 1024 * 1024;
const template = readTemplate(join(REPO_ROOT, 'template.yaml'));
const samples = sampleEvents(template);
const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };

function headerOf(result: Record<string, unknown>, name: string): string | undefined {
  const single = Object.entries((result['headers'] ?? {}) as Record<string, string>).find(([key]) => key.toLowerCase() === name);
  if (single) return single[1];
  const multi = Object.entries((result['multiValueHeaders'] ?? {}) as Record<string, string[]>).find(([key]) => key.toLowerCase() === name);
  return multi?.[1][0];
}

function bodyBytes(message: Record<string, unknown>): Buffer {
  return Buffer.from(String(message['body'] ?? ''), message['isBase64Encoded'] === true ? 'base64' : 'utf8');
}

/** The request an event carries, wherever its format keeps it. */
function requestOf(event: Record<string, unknown>): { method: string; path: string; contentType: string | undefined } {
  const http = (event['requestContext'] as { http?: { method: string } } | undefined)?.http;
  return {
    method: String(event['httpMethod'] ?? http?.method),
    path: String(event['rawPath'] ?? event['path']),
    contentType: headerOf(event, 'content-type'),
  };
}

describe('the deployed artifacts', () => {
  const outRoot = mkdtempSync(join(tmpdir(), 'sam-artifacts-'));
  const artifacts = new Map<string, BuiltArtifact>();
  const reports = new Map<string, RunnerReport>();
  const eventsOf = (fn: TemplateFunction): SampleEvent[] => samples.filter((sample) => sample.functionId === fn.logicalId);
  const cases = template.functions.map((fn) => [fn.logicalId, fn] as const);
  const bufferedCases = cases.filter(([, fn]) => !fn.responseStreaming);
  const streamingCases = cases.filter(([, fn]) => fn.responseStreaming);

  beforeAll(async () => {
    // All at once, as `sam build --parallel` does.
    await Promise.all(
      template.functions.map(async (fn) => {
        artifacts.set(fn.logicalId, await buildArtifact(fn, join(outRoot, fn.logicalId), {}, (line) => process.stderr.write(`${line}\n`)));
      }),
    );
    const sizes = template.functions.map((fn) => {
      const artifact = artifacts.get(fn.logicalId);
      return `  ${fn.logicalId}: ${artifact?.bytes.toLocaleString('en')} bytes (${Object.keys(artifact?.files ?? {}).join(', ')})`;
    });
    console.log(`Bundle sizes (as sam build writes them):\n${sizes.join('\n')}`);
    const runner = await bundleRunner(outRoot);
    const packages = Object.keys(manifest.dependencies);
    await Promise.all(
      template.functions.map(async (fn) => {
        reports.set(fn.logicalId, await invokeArtifact(runner, fn, join(outRoot, fn.logicalId), eventsOf(fn), packages));
      }),
    );
  });

  afterAll(() => {
    rmSync(outRoot, { recursive: true, force: true });
  });

  function reportOf(fn: TemplateFunction): RunnerReport {
    const report = reports.get(fn.logicalId);
    if (!report) throw new Error(`${fn.logicalId} was not invoked`);
    return report;
  }

  function invocationOf(sample: SampleEvent): Invocation {
    const found = reports.get(sample.functionId)?.invocations.find((item) => item.file === sample.file);
    if (!found) throw new Error(`${sample.functionId} was not invoked with ${sample.file}`);
    return found;
  }

  it('are one per function the template declares', () => {
    expect(template.functions.length).toBeGreaterThan(0);
    expect([...artifacts.keys()].sort()).toEqual(template.functions.map((fn) => fn.logicalId).sort());
  });

  it('are built outside the repository, where no node_modules is reachable', () => {
    expect(relative(REPO_ROOT, outRoot).startsWith('..')).toBe(true);
    for (let dir = outRoot; ; dir = dirname(dir)) {
      expect(existsSync(join(dir, 'node_modules'))).toBe(false);
      if (dirname(dir) === dir) break;
    }
  });

  it("are invoked with every sample event, and each REST event names its function's route", () => {
    const routes = new Map(template.routes.map((route) => [route.functionId, route.path]));
    for (const sample of samples) {
      expect(invocationOf(sample).file).toBe(sample.file);
      if ('resource' in sample.event) expect(sample.event['resource']).toBe(routes.get(sample.functionId));
    }
  });

  it.each(cases)('%s is the single file its Handler names, of a sane size (< 5 MB)', (_id, fn) => {
    const artifact = artifacts.get(fn.logicalId);
    const [moduleName] = fn.handler.split('.');
    expect(Object.keys(artifact?.files ?? {})).toEqual([`${moduleName}.js`]);
    expect(artifact?.bytes).toBeGreaterThan(0);
    expect(artifact?.bytes).toBeLessThan(5 * MB);
  });

  it.each(cases)('%s bundles no devDependency: sam build installs production dependencies only', (_id, fn) => {
    const inputs = Object.keys(artifacts.get(fn.logicalId)?.metafile.inputs ?? {});
    const bundled = new Set(inputs.map(packageOf).filter((name): name is string => name !== undefined));
    expect(bundled.size).toBeGreaterThan(0);
    expect([...bundled].filter((name) => lock.packages[`node_modules/${name}`]?.dev === true)).toEqual([]);
  });

  it.each(cases)('%s loads with none of its packages resolvable: the bundle is self-contained', (_id, fn) => {
    expect(reportOf(fn).resolvable).toEqual([]);
  });

  it.each(bufferedCases)('%s exports an async handler of at most two parameters (nodejs24.x rejects callbacks)', (_id, fn) => {
    const report = reportOf(fn);
    expect(report.streaming).toBe(false);
    expect(report.handlerLength).toBeLessThanOrEqual(2);
    expect(report.invocations.length).toBeGreaterThan(0);
    for (const { returnedPromise } of report.invocations) expect(returnedPromise).toBe(true);
  });

  it.each(streamingCases)(
    '%s exports a handler wrapped by streamifyResponse that, under the local runtime, streams its sample: prelude, then NDJSON lines',
    (_id, fn) => {
      const app = appNameOf(fn);
      const report = reportOf(fn);
      expect(report.streaming).toBe(true);
      const sample = eventsOf(fn).find(({ file }) => file === `${app}-stream.json`);
      if (!sample) throw new Error(`no ${app}-stream.json`);
      const { streamed } = invocationOf(sample);
      expect(streamed?.contentType).toBe(PRELUDE_CONTENT_TYPE);
      const { prelude, body } = splitPrelude(Buffer.from(streamed?.bytes ?? '', 'base64'));
      expect(prelude).toMatchObject({ statusCode: 200, headers: { 'content-type': expect.stringMatching(/^application\/x-ndjson/) } });
      const lines = body
        .toString('utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { from: string; seq: number; message: string });
      expect(lines.map(({ from, seq }) => [from, seq])).toEqual([
        [app, 1],
        [app, 2],
        [app, 3],
      ]);
      for (const { message } of lines) expect(message).toMatch(UNIX_DATE_PATTERN);
    },
  );

  it.each(streamingCases)(
    "%s streams its sample in a function instance of the local API (make local's runtime, worker thread): prelude, then each line as written",
    async (_id, fn) => {
      const app = appNameOf(fn);
      const sample = eventsOf(fn).find(({ file }) => file === `${app}-stream.json`);
      if (!sample) throw new Error(`no ${app}-stream.json`);
      const runtimePath = await buildRuntime(join(outRoot, `runtime-${fn.logicalId}`));
      const streamed = await streamInInstance(fn, join(outRoot, fn.logicalId), sample.event, runtimePath);
      expect(streamed.outcome.ok).toBe(true);
      expect(streamed.contentType).toBe(PRELUDE_CONTENT_TYPE);
      const { prelude, body } = splitPrelude(Buffer.concat(streamed.chunks));
      expect(prelude).toMatchObject({ statusCode: 200, headers: { 'content-type': expect.stringMatching(/^application\/x-ndjson/) } });
      const lines = body.toString('utf8').split('\n').filter(Boolean);
      expect(lines.map((line) => (JSON.parse(line) as { seq: number }).seq)).toEqual([1, 2, 3]);
      // Each line crossed from the instance on its own, as the app wrote it: nothing was held back to the end.
      expect(streamed.chunks.slice(-lines.length).map((chunk) => chunk.toString('utf8'))).toEqual(lines.map((line) => `${line}\n`));
    },
  );

  it.each(bufferedCases)('%s answers GET /ping with 200 JSON {from, message} where message is now in UnixDate', (_id, fn) => {
    const app = appNameOf(fn);
    const pings = eventsOf(fn).filter(({ event }) => requestOf(event).method === 'GET' && requestOf(event).path.endsWith('/ping'));
    expect(pings.map(({ file }) => file)).toContain(`${app}-ping.json`);
    for (const sample of pings) {
      const { result, before, after } = invocationOf(sample);
      expect({ file: sample.file, statusCode: result['statusCode'] }).toEqual({ file: sample.file, statusCode: 200 });
      expect(headerOf(result, 'content-type')).toMatch(/^application\/json\b/);
      const body = JSON.parse(bodyBytes(result).toString('utf8')) as { from: unknown; message: string };
      expect(Object.keys(body)).toEqual(['from', 'message']);
      expect(body.from).toBe(app);
      expect(body.message).toMatch(UNIX_DATE_PATTERN);
      // The layout has whole seconds: the stamp lies between the second the call began and its end.
      const stamp = Date.parse(body.message);
      expect(stamp).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
      expect(stamp).toBeLessThanOrEqual(after);
    }
  });

  const posts = samples.filter(({ event }) => requestOf(event).method === 'POST' && requestOf(event).path.endsWith('/echo'));

  it('have sample events that POST a JSON and a binary body', () => {
    expect(posts.map(({ event }) => [requestOf(event).contentType, event['isBase64Encoded']])).toEqual(
      expect.arrayContaining([
        ['application/json', false],
        ['image/png', true],
      ]),
    );
  });

  it.each(posts.map((sample) => [sample.file, sample] as const))(
    '%s is echoed with exactly its content type and the same bytes, base64 exactly when they are not text',
    (_file, sample) => {
      const { result } = invocationOf(sample);
      const contentType = requestOf(sample.event).contentType ?? '';
      expect(result['statusCode']).toBe(200);
      expect(headerOf(result, 'content-type')).toBe(contentType);
      expect(bodyBytes(result)).toEqual(bodyBytes(sample.event));
      expect(result['isBase64Encoded']).toBe(contentType !== 'application/json');
    },
  );

  /** What API Gateway reads the headers from: a buffered result, or a streamed answer's prelude. */
  function answerOf(fn: TemplateFunction, invocation: Invocation): Record<string, unknown> {
    if (!fn.responseStreaming) return invocation.result;
    if (!invocation.streamed) throw new Error(`${fn.logicalId} streamed nothing for ${invocation.file}`);
    return splitPrelude(Buffer.from(invocation.streamed.bytes, 'base64')).prelude;
  }

  // A streaming function's result is `{}`: its headers are in the prelude of what it streamed.
  it.each(cases)('%s answers every sample event with header values that are strings only, in its result or its prelude', (_id, fn) => {
    const { invocations } = reportOf(fn);
    expect(invocations.length).toBeGreaterThan(0);
    for (const invocation of invocations) {
      const answer = answerOf(fn, invocation);
      const values = [
        ...Object.values((answer['headers'] ?? {}) as Record<string, unknown>),
        ...Object.values((answer['multiValueHeaders'] ?? {}) as Record<string, unknown[]>).flat(),
      ];
      // Every answer names at least its content type.
      expect({ file: invocation.file, headers: values.length > 0 }).toEqual({ file: invocation.file, headers: true });
      for (const value of values) expect(typeof value).toBe('string');
    }
  });
});
