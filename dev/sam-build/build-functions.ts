import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { context, formatMessages, type BuildFailure, type Message, type Metafile } from 'esbuild';
import { deriveEsbuildOptions } from './derive-esbuild-options';
import type { Logger } from '../console/logger';
import type { TemplateFunction } from '../sam-model/read-template';
import { watchSources } from './watch-sources';

/** One build's output: a directory of its own, so instances still loading older code never see it change. */
export interface Artifact {
  dir: string;
  version: number;
  /** Sourcemap: true in the template (SAM then turns on `--enable-source-maps`), or a debugger is attached. */
  sourceMaps: boolean;
}

export type BuildOutcome = { ok: true; artifact: Artifact } | { ok: false; message: string };

export interface FunctionBuild {
  /** The build of the sources as they are now on disk: rebuilt first when one changed. */
  current(): Promise<BuildOutcome>;
  dispose(): Promise<void>;
}

interface Signature {
  mtimeMs: number;
  size: number;
}

// How long to wait after a change before building, so a save that touches several files builds once.
const SETTLE_MS = 30;
// Older versions may still be loading into an instance; a few are kept, the rest removed.
const VERSIONS_KEPT = 3;

const isDependency = (file: string): boolean => file.split(/[\\/]/).includes('node_modules');

async function signatureOf(file: string): Promise<Signature | undefined> {
  try {
    const { mtimeMs, size } = await stat(file);
    return { mtimeMs, size };
  } catch {
    return undefined;
  }
}

function ownSources(metafile: Metafile | undefined, codeDir: string): string[] {
  return Object.keys(metafile?.inputs ?? {})
    .filter((file) => !isDependency(file))
    .map((file) => resolve(codeDir, file));
}

async function describeFailure(error: unknown): Promise<{ text: string; files: string[] }> {
  const messages: Message[] = (error as Partial<BuildFailure>).errors ?? [];
  if (messages.length === 0) return { text: String(error), files: [] };
  const text = (await formatMessages(messages, { kind: 'error', color: false })).join('').trimEnd();
  const files = messages.flatMap((message) => (message.location ? [message.location.file] : []));
  return { text, files };
}

/**
 * Builds one function the way `sam build` does, keeps esbuild's context for incremental
 * rebuilds, and rebuilds when a source changes: eagerly on a file-system event, and in any case
 * before the next request, which compares the sources' modification times with the last build.
 */
export async function startBuild(fn: TemplateFunction, buildDir: string, logger: Logger, debugging = false): Promise<FunctionBuild> {
  const baseDir = join(buildDir, fn.logicalId);
  const outdir = join(baseDir, 'out');
  const derived = deriveEsbuildOptions(fn.build, fn.codeDir, outdir);
  // A debugger needs source maps to put breakpoints in the TypeScript, and unminified code to show
  // variables under their own names, whatever the template asks of the deployed bundle.
  const options = debugging ? { ...derived, sourcemap: true, minify: false } : derived;
  const esbuild = await context({ ...options, write: false, metafile: true, logLevel: 'silent' });
  const sources = new Map<string, Signature | undefined>();
  const watcher = watchSources((file) => {
    if (sources.has(file)) scheduleRebuild();
  });
  let outcome: BuildOutcome = { ok: false, message: 'not built yet' };
  let version = 0;
  let changed = false;
  let inFlight: Promise<BuildOutcome> | undefined;
  let checking: Promise<boolean> | undefined;
  let settleTimer: NodeJS.Timeout | undefined;
  let lastReported = '';
  let disposed = false;

  async function track(files: string[], builtAt: number): Promise<void> {
    sources.clear();
    for (const file of files) {
      const signature = await signatureOf(file);
      sources.set(file, signature);
      // Edited while esbuild was reading it: the bundle may hold the old text.
      if (signature && signature.mtimeMs >= builtAt) changed = true;
    }
    watcher.watchDirectories(new Set(files.map((file) => dirname(file))));
  }

  async function writeArtifact(outputFiles: { path: string; contents: Uint8Array }[]): Promise<Artifact> {
    version += 1;
    const dir = join(baseDir, `v${version}`);
    for (const file of outputFiles) {
      const target = join(dir, relative(outdir, file.path));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.contents);
    }
    await rm(join(baseDir, `v${version - VERSIONS_KEPT}`), { recursive: true, force: true });
    return { dir, version, sourceMaps: options.sourcemap === true };
  }

  async function build(): Promise<BuildOutcome> {
    const startedAt = Date.now();
    changed = false;
    try {
      const result = await esbuild.rebuild();
      const artifact = await writeArtifact(result.outputFiles ?? []);
      await track(ownSources(result.metafile, fn.codeDir), startedAt);
      if (version > 1 || lastReported !== '') logger.info(`${fn.logicalId}: rebuilt (version ${version}) in ${Date.now() - startedAt} ms`);
      lastReported = '';
      outcome = { ok: true, artifact };
    } catch (error) {
      const failure = await describeFailure(error);
      // Keep watching what the last good build read, plus the files the errors point at.
      const files = [...sources.keys(), ...failure.files.map((file) => resolve(fn.codeDir, file))];
      await track([...new Set(files)], startedAt);
      if (failure.text !== lastReported) logger.error(`${fn.logicalId}: build failed; answering 502 until it builds\n${failure.text}`);
      lastReported = failure.text;
      outcome = { ok: false, message: failure.text };
    }
    return outcome;
  }

  function rebuild(): Promise<BuildOutcome> {
    inFlight ??= build().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  // A build already running may have read the file before the edit: wait for it, then build again.
  async function rebuildWhenSettled(): Promise<void> {
    if (inFlight) await inFlight;
    // Once disposed the context is gone: a rebuild would start work nobody waits for.
    if (changed && !disposed) await rebuild();
  }

  function scheduleRebuild(): void {
    if (disposed) return;
    changed = true;
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => void rebuildWhenSettled(), SETTLE_MS);
  }

  async function sourcesChanged(): Promise<boolean> {
    const checks = [...sources].map(async ([file, before]) => {
      const now = await signatureOf(file);
      return now?.mtimeMs !== before?.mtimeMs || now?.size !== before?.size;
    });
    return (await Promise.all(checks)).includes(true);
  }

  async function current(): Promise<BuildOutcome> {
    if (inFlight) await inFlight;
    if (!outcome.ok || changed) return rebuild();
    checking ??= sourcesChanged().finally(() => {
      checking = undefined;
    });
    return (await checking) ? rebuild() : outcome;
  }

  await rebuild();
  return {
    current,
    async dispose() {
      disposed = true;
      clearTimeout(settleTimer);
      watcher.close();
      await inFlight;
      await esbuild.dispose();
    },
  };
}
