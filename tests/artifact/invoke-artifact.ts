import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import type { SampleEvent } from '../../dev/sample-events/sample-events';
import type { TemplateFunction } from '../../dev/sam-model/read-template';

/** What the fresh process is asked to do. */
export interface ArtifactRun {
  readonly artifactDir: string;
  readonly handler: string;
  readonly functionName: string;
  readonly memorySize: number;
  readonly timeoutSeconds: number;
  /** Packages that must not resolve from the artifact: a bundle carries what it needs. */
  readonly packages: readonly string[];
  readonly events: readonly Pick<SampleEvent, 'file' | 'event'>[];
}

export interface Invocation {
  readonly file: string;
  readonly returnedPromise: boolean;
  readonly before: number;
  readonly after: number;
  /** A buffered handler's result; `{}` for a streaming one. */
  readonly result: Record<string, unknown>;
  /** A streaming handler's stream: its content type and its bytes (prelude, delimiter, body), base64. */
  readonly streamed?: { readonly contentType: string; readonly bytes: string };
}

export interface RunnerReport {
  readonly resolvable: string[];
  readonly handlerLength: number;
  /** Wrapped by `awslambda.streamifyResponse`, as the runtime checks. */
  readonly streaming: boolean;
  readonly invocations: Invocation[];
}

const run = promisify(execFile);

/** Bundles the runner once into `workDir`; returns its path. */
export async function bundleRunner(workDir: string): Promise<string> {
  const outfile = join(workDir, 'artifact-runner.cjs');
  await build({
    entryPoints: [join(__dirname, 'artifact-runner.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'silent',
  });
  return outfile;
}

/**
 * Invokes a built function with sample events in a fresh Node process, with the function's
 * environment as the template sets it (and `--enable-source-maps` when SAM would set it).
 */
export async function invokeArtifact(
  runner: string,
  fn: TemplateFunction,
  artifactDir: string,
  events: ArtifactRun['events'],
  packages: readonly string[],
): Promise<RunnerReport> {
  const request: ArtifactRun = {
    artifactDir,
    handler: fn.handler,
    functionName: fn.functionName,
    memorySize: fn.memorySize,
    timeoutSeconds: fn.timeoutSeconds,
    packages,
    events,
  };
  const runFile = join(artifactDir, '..', `${fn.logicalId}-run.json`);
  const reportFile = join(artifactDir, '..', `${fn.logicalId}-report.json`);
  writeFileSync(runFile, JSON.stringify(request));
  const env: NodeJS.ProcessEnv = { ...process.env, ...fn.environment };
  delete env['NODE_PATH'];
  delete env['NODE_OPTIONS'];
  if (fn.build.Sourcemap === true) env['NODE_OPTIONS'] = '--enable-source-maps';
  try {
    await run(process.execPath, [runner, runFile, reportFile], { cwd: artifactDir, env, timeout: 15_000 });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    throw new Error(`${fn.logicalId}: the artifact failed in a fresh Node process:\n${failed.stderr ?? ''}${failed.stdout ?? ''}`, {
      cause: error,
    });
  }
  return JSON.parse(readFileSync(reportFile, 'utf8')) as RunnerReport;
}
