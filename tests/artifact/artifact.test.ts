import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { build, type BuildOptions, type Format, type Loader } from 'esbuild';
import { loadTemplate, mapAt, REPO_ROOT, serverlessFunctions, type Node } from '../template/load-template';
import { UNIX_DATE_PATTERN } from '../../functions/format-unix-date';

/*
 * What `sam build` ships, tested as shipped: each function bundled from its template Metadata
 * the way SAM's esbuild workflow does (`--bundle --platform=node` plus the BuildProperties),
 * outside the repo so that no node_modules is reachable, then loaded in a fresh Node process
 * and invoked with the sample events.
 */

const template = loadTemplate();
const globals = mapAt(template, 'Globals', 'Function');
const MB = 1024 * 1024;

/** How SAM's esbuild workflow turns each BuildProperties key into an esbuild option. */
const BUILD_PROPERTY_OPTIONS: Record<string, (value: unknown) => BuildOptions> = {
  EntryPoints: (value) => ({ entryPoints: value as string[] }),
  Format: (value) => ({ format: String(value).toLowerCase() as Format }),
  Target: (value) => ({ target: String(value).split(',') }),
  Minify: (value) => ({ minify: String(value) === 'true' }),
  Sourcemap: (value) => ({ sourcemap: String(value) === 'true' }),
  External: (value) => ({ external: value as string[] }),
  MainFields: (value) => ({ mainFields: String(value).split(',') }),
  Loader: (value) => ({ loader: Object.fromEntries((value as string[]).map((rule) => rule.split('='))) as Record<string, Loader> }),
};

function esbuildOptions(buildProperties: Node, outdir: string): BuildOptions {
  const options: BuildOptions = { bundle: true, platform: 'node', outdir, absWorkingDir: REPO_ROOT, logLevel: 'silent' };
  for (const [key, value] of Object.entries(buildProperties)) {
    const map = BUILD_PROPERTY_OPTIONS[key];
    if (!map) throw new Error(`BuildProperties.${key} is not mapped to esbuild here: map it as SAM does`);
    Object.assign(options, map(value));
  }
  return options;
}

interface Artifact {
  readonly logicalId: string;
  readonly framework: string;
  readonly route: string;
  readonly buildProperties: Node;
  readonly outdir: string;
  readonly handlerFile: string;
  readonly handlerExport: string;
}

interface Invocation {
  readonly file: string;
  readonly returnedPromise: boolean;
  readonly before: number;
  readonly after: number;
  readonly result: Record<string, unknown>;
}

interface ChildReport {
  readonly resolvable: string[];
  readonly exportType: string;
  readonly handlerLength: number;
  readonly invocations: Invocation[];
}

// Runs in the fresh Node process: loads the bundle as Lambda's runtime would and invokes it.
const RUNNER = `
const { readFileSync, writeFileSync } = require('node:fs');
const [bundlePath, exportName, eventsPath, reportPath, timeoutMs] = process.argv.slice(2);
(async () => {
  const resolvable = [];
  for (const name of ['express', 'koa', '@koa/router', 'fastify', 'esbuild']) {
    try { require.resolve(name, { paths: [require('node:path').dirname(bundlePath)] }); resolvable.push(name); } catch {}
  }
  const handler = require(bundlePath)[exportName];
  const report = { resolvable, exportType: typeof handler, handlerLength: handler && handler.length, invocations: [] };
  for (const { file, event } of JSON.parse(readFileSync(eventsPath, 'utf8'))) {
    const deadline = Date.now() + Number(timeoutMs);
    const context = {
      awsRequestId: 'artifact-' + file,
      functionName: 'artifact-test',
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    const before = Date.now();
    const returned = handler(event, context);
    const returnedPromise = returned instanceof Promise;
    const result = await returned;
    report.invocations.push({ file, returnedPromise, before, after: Date.now(), result });
  }
  writeFileSync(reportPath, JSON.stringify(report));
  process.exit(0);
})().catch((error) => { console.error(error); process.exit(1); });
`;

function artifacts(outRoot: string): Artifact[] {
  const [handlerFile, handlerExport] = String(globals['Handler']).split('.');
  return serverlessFunctions(template).map((fn) => {
    const route = mapAt(fn.properties, 'Events', 'Proxy', 'Properties')['Path'] as string;
    return {
      logicalId: fn.logicalId,
      framework: route.split('/')[1] as string,
      route,
      buildProperties: mapAt(fn.metadata, 'BuildProperties'),
      outdir: join(outRoot, fn.logicalId),
      handlerFile: `${handlerFile as string}.js`,
      handlerExport: handlerExport as string,
    };
  });
}

/** The path an event asks for, wherever its format keeps it. */
function eventPath(event: Node): string {
  return String(event['rawPath'] ?? event['path']);
}

function eventMethod(event: Node): string {
  return String(event['httpMethod'] ?? mapAt(event, 'requestContext', 'http')['method']);
}

function headerOf(result: Node, name: string): string | undefined {
  const single = Object.entries((result['headers'] ?? {}) as Record<string, string>).find(([key]) => key.toLowerCase() === name);
  if (single) return single[1];
  const multi = Object.entries((result['multiValueHeaders'] ?? {}) as Record<string, string[]>).find(([key]) => key.toLowerCase() === name);
  return multi?.[1][0];
}

function bodyBytes(result: Node): Buffer {
  return Buffer.from(String(result['body'] ?? ''), result['isBase64Encoded'] === true ? 'base64' : 'utf8');
}

const eventsDir = join(REPO_ROOT, 'events');
const sampleEvents = readdirSync(eventsDir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ file, event: JSON.parse(readFileSync(join(eventsDir, file), 'utf8')) as Node }));

describe('the deployed artifacts', () => {
  const outRoot = mkdtempSync(join(tmpdir(), 'sam-artifacts-'));
  const built = artifacts(outRoot);
  const reports = new Map<string, ChildReport>();
  const sizes = new Map<string, number>();
  const eventsFor = (artifact: Artifact) => sampleEvents.filter(({ event }) => eventPath(event).startsWith(`/${artifact.framework}/`));

  beforeAll(async () => {
    // Bundling all three at once, as `sam build --parallel` does.
    await Promise.all(built.map((artifact) => build(esbuildOptions(artifact.buildProperties, artifact.outdir))));
    for (const artifact of built) {
      const bytes = readdirSync(artifact.outdir).reduce((sum, file) => sum + statSync(join(artifact.outdir, file)).size, 0);
      sizes.set(artifact.logicalId, bytes);
    }
    console.log(
      `Bundle sizes (as sam build would write them):\n${built
        .map(
          (artifact) =>
            `  ${artifact.logicalId}: ${(sizes.get(artifact.logicalId) ?? 0).toLocaleString('en')} bytes (${readdirSync(artifact.outdir).join(', ')})`,
        )
        .join('\n')}`,
    );

    const run = promisify(execFile);
    const timeoutMs = Number(globals['Timeout']) * 1000;
    const runner = join(outRoot, 'runner.cjs');
    writeFileSync(runner, RUNNER);
    // The function's environment as the template sets it; SAM adds --enable-source-maps with Sourcemap.
    const env: NodeJS.ProcessEnv = { ...process.env, ...(mapAt(globals, 'Environment', 'Variables') as Record<string, string>) };
    delete env['NODE_PATH'];
    delete env['NODE_OPTIONS'];
    await Promise.all(
      built.map(async (artifact) => {
        const eventsPath = join(outRoot, `${artifact.logicalId}-events.json`);
        const reportPath = join(outRoot, `${artifact.logicalId}-report.json`);
        writeFileSync(eventsPath, JSON.stringify(eventsFor(artifact)));
        const childEnv = { ...env };
        if (artifact.buildProperties['Sourcemap'] === true) childEnv['NODE_OPTIONS'] = '--enable-source-maps';
        const bundle = join(artifact.outdir, artifact.handlerFile);
        try {
          await run(process.execPath, [runner, bundle, artifact.handlerExport, eventsPath, reportPath, String(timeoutMs)], {
            cwd: artifact.outdir,
            env: childEnv,
            timeout: 15_000,
          });
        } catch (error) {
          const failed = error as { stdout?: string; stderr?: string };
          throw new Error(
            `${artifact.logicalId}: the bundle failed in a fresh Node process:\n${failed.stderr ?? ''}${failed.stdout ?? ''}`,
            {
              cause: error,
            },
          );
        }
        reports.set(artifact.logicalId, JSON.parse(readFileSync(reportPath, 'utf8')) as ChildReport);
      }),
    );
  });

  afterAll(() => {
    rmSync(outRoot, { recursive: true, force: true });
  });

  function reportOf(artifact: Artifact): ChildReport {
    const report = reports.get(artifact.logicalId);
    if (!report) throw new Error(`${artifact.logicalId} was not invoked`);
    return report;
  }

  function invocation(artifact: Artifact, file: string): Invocation {
    const found = reportOf(artifact).invocations.find((item) => item.file === file);
    if (!found) throw new Error(`${artifact.logicalId} was not invoked with ${file}`);
    return found;
  }

  const cases = built.map((artifact) => [artifact.logicalId, artifact] as const);

  it('are the three functions of the template', () => {
    expect(built.map((artifact) => artifact.framework).sort()).toEqual(['express', 'fastify', 'koa']);
  });

  it('are built outside the repository, where no node_modules is reachable', () => {
    expect(relative(REPO_ROOT, outRoot).startsWith('..')).toBe(true);
    for (let dir = outRoot; ; dir = dirname(dir)) {
      expect(existsSync(join(dir, 'node_modules'))).toBe(false);
      if (dirname(dir) === dir) break;
    }
  });

  it("are invoked with every sample event of the REST API, and each v1 event has its function's route", () => {
    const invoked = built.flatMap((artifact) => eventsFor(artifact).map(({ file }) => file));
    expect(invoked).toEqual(
      expect.arrayContaining([
        'express-ping.json',
        'koa-ping.json',
        'fastify-ping.json',
        'express-post-json.json',
        'express-post-binary.json',
      ]),
    );
    for (const artifact of built) {
      for (const { event } of eventsFor(artifact)) if ('resource' in event) expect(event['resource']).toBe(artifact.route);
    }
  });

  it.each(cases)('%s is a single file Handler names, of a sane size (< 5 MB)', (_id, artifact) => {
    expect(existsSync(join(artifact.outdir, artifact.handlerFile))).toBe(true);
    const bytes = sizes.get(artifact.logicalId) ?? 0;
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(5 * MB);
  });

  it.each(cases)('%s loads with none of its packages resolvable: the bundle is self-contained', (_id, artifact) => {
    expect(reportOf(artifact).resolvable).toEqual([]);
  });

  it.each(cases)('%s exports an async handler of at most two parameters (nodejs24.x rejects callbacks)', (_id, artifact) => {
    const report = reportOf(artifact);
    expect(report.exportType).toBe('function');
    expect(report.handlerLength).toBeLessThanOrEqual(2);
    expect(report.invocations.length).toBeGreaterThan(0);
    for (const { returnedPromise } of report.invocations) expect(returnedPromise).toBe(true);
  });

  it.each(cases)('%s answers GET /ping with 200 JSON {from, message} where message is now in UnixDate', (_id, artifact) => {
    const pings = reportOf(artifact).invocations.filter(({ file }) => {
      const event = sampleEvents.find((sample) => sample.file === file)?.event as Node;
      return eventMethod(event) === 'GET' && eventPath(event) === `/${artifact.framework}/ping`;
    });
    expect(pings.map(({ file }) => file)).toContain(`${artifact.framework}-ping.json`);
    for (const { file, result, before, after } of pings) {
      expect({ file, statusCode: result['statusCode'] }).toEqual({ file, statusCode: 200 });
      expect(headerOf(result, 'content-type')).toMatch(/^application\/json\b/);
      const body = JSON.parse(bodyBytes(result).toString('utf8')) as { from: unknown; message: string };
      expect(Object.keys(body)).toEqual(['from', 'message']);
      expect(body.from).toBe(artifact.framework);
      expect(body.message).toMatch(UNIX_DATE_PATTERN);
      // The layout has whole seconds: the stamp lies between the second the call began and its end.
      const stamp = Date.parse(body.message);
      expect(stamp).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
      expect(stamp).toBeLessThanOrEqual(after);
    }
  });

  it('ExpressFunction echoes the JSON body of express-post-json as JSON text', () => {
    const express = built.find((artifact) => artifact.framework === 'express') as Artifact;
    const { result } = invocation(express, 'express-post-json.json');
    const sent = sampleEvents.find(({ file }) => file === 'express-post-json.json')?.event as Node;
    expect(result['statusCode']).toBe(200);
    expect(result['isBase64Encoded']).toBe(false);
    expect(headerOf(result, 'content-type')).toMatch(/^application\/json\b/);
    expect(result['body']).toBe(sent['body']);
    expect(JSON.parse(String(result['body']))).toEqual({ greeting: 'hello', items: [1, 2, 3] });
  });

  it('ExpressFunction echoes the PNG of express-post-binary as base64 of the same bytes', () => {
    const express = built.find((artifact) => artifact.framework === 'express') as Artifact;
    const { result } = invocation(express, 'express-post-binary.json');
    const sent = sampleEvents.find(({ file }) => file === 'express-post-binary.json')?.event as Node;
    expect(sent['isBase64Encoded']).toBe(true);
    expect(result['statusCode']).toBe(200);
    expect(result['isBase64Encoded']).toBe(true);
    expect(headerOf(result, 'content-type')).toBe('image/png');
    const bytes = bodyBytes(result);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytes).toEqual(Buffer.from(String(sent['body']), 'base64'));
  });

  it.each(cases)('%s answers every sample event with string header values only', (_id, artifact) => {
    for (const { result } of reportOf(artifact).invocations) {
      for (const value of Object.values((result['headers'] ?? {}) as Record<string, unknown>)) expect(typeof value).toBe('string');
      for (const values of Object.values((result['multiValueHeaders'] ?? {}) as Record<string, unknown[]>)) {
        for (const value of values) expect(typeof value).toBe('string');
      }
    }
  });
});
