// `npm run bench:stream`: time to first byte and throughput of a streamed 10 MiB response.
// Ours (createStreamHandler) against @fastify/aws-lambda's payloadAsStream on the same Fastify
// app and against the floor (a bare streamifyResponse handler writing the same bytes), for each
// framework; every subject in its own process, interleaved, medians over rounds. Writes
// results/stream-latest.md (a --quick run only prints). No test asserts a time.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { STREAM_TOTAL_BYTES } from './stream/payload';
import type { StreamBatchReport, StreamBatchRequest } from './stream/worker';

interface StreamSubject {
  readonly id: string;
  readonly label: string;
  readonly entry: string;
}

interface Group {
  readonly framework: 'express' | 'koa' | 'fastify';
  readonly subjects: readonly StreamSubject[];
}

const ROOT = path.resolve(__dirname, '..');
const WORK = path.join(ROOT, '.build', 'bench-stream');
const SUBJECTS = path.join(__dirname, 'stream', 'subjects');
const subject = (id: string, label: string): StreamSubject => ({ id, label, entry: path.join(SUBJECTS, `${id}.ts`) });
const FLOOR = subject('floor', 'floor: bare streamifyResponse');

const GROUPS: readonly Group[] = [
  {
    framework: 'fastify',
    subjects: [subject('fastify-ours', 'ours'), subject('fastify-aws-lambda', '@fastify/aws-lambda (payloadAsStream)'), FLOOR],
  },
  { framework: 'express', subjects: [subject('express-ours', 'ours'), FLOOR] },
  { framework: 'koa', subjects: [subject('koa-ours', 'ours'), FLOOR] },
];

const quick = process.argv.includes('--quick');
const PLAN = quick ? { rounds: 2, warmup: 3, invocations: 5 } : { rounds: 15, warmup: 10, invocations: 60 };
const MIB = 1024 * 1024;

/** Bundled as `sam build` bundles a function (cjs, node24, minified): what the runtime would load. */
async function bundleSubject(entry: string, id: string): Promise<string> {
  const outfile = path.join(WORK, id, 'handler.js');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    minify: true,
    logLevel: 'error',
  });
  return outfile;
}

async function bundleWorker(): Promise<string> {
  const outfile = path.join(WORK, 'worker.js');
  await build({
    entryPoints: [path.join(__dirname, 'stream', 'worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
  });
  return outfile;
}

function startWorker(workerScript: string, bundle: string): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  delete env['NODE_OPTIONS'];
  const child = fork(workerScript, [bundle], { execArgv: [], env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`${bundle}: the worker exited (${String(code)}) before it was ready`)));
  });
}

function runBatch(child: ChildProcess, request: StreamBatchRequest): Promise<StreamBatchReport> {
  return new Promise((resolve) => {
    child.once('message', (report: StreamBatchReport) => resolve(report));
    child.send(request);
  });
}

function median(values: readonly number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = (sorted.length - 1) / 2;
  return ((sorted[Math.floor(middle)] as number) + (sorted[Math.ceil(middle)] as number)) / 2;
}

interface Samples {
  ttfbMs: number[];
  totalMs: number[];
  verdicts: Set<string>;
}

interface Row {
  readonly framework: string;
  readonly label: string;
  readonly id: string;
  readonly ttfbMs: number;
  readonly mbPerS: number;
  readonly n: number;
  readonly verdict: string;
}

const rotate = <T>(items: readonly T[], by: number): T[] => items.map((_, index) => items[(index + by) % items.length] as T);

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  const workerScript = await bundleWorker();
  const ids = [...new Set(GROUPS.flatMap((group) => group.subjects.map((item) => item.id)))];
  const children = new Map<string, ChildProcess>();
  for (const id of ids) {
    const entry = GROUPS.flatMap((group) => group.subjects).find((item) => item.id === id) as StreamSubject;
    children.set(id, await startWorker(workerScript, await bundleSubject(entry.entry, id)));
  }
  // Samples per framework group and subject: the floor is measured inside every group, next to its subjects.
  const samples = new Map<string, Samples>();
  const key = (framework: string, id: string): string => `${framework} ${id}`;
  const started = Date.now();
  try {
    for (let round = 0; round < PLAN.rounds; round += 1) {
      for (const group of GROUPS) {
        // Only one process runs at a time; the order rotates so no subject always follows the same one.
        for (const item of rotate(group.subjects, round)) {
          const report = await runBatch(children.get(item.id) as ChildProcess, { warmup: PLAN.warmup, invocations: PLAN.invocations });
          const slot = samples.get(key(group.framework, item.id)) ?? { ttfbMs: [], totalMs: [], verdicts: new Set<string>() };
          slot.ttfbMs.push(...report.ttfbMs);
          slot.totalMs.push(...report.totalMs);
          slot.verdicts.add(report.verdict);
          samples.set(key(group.framework, item.id), slot);
        }
      }
      process.stderr.write(`round ${round + 1}/${PLAN.rounds} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    }
  } finally {
    for (const child of children.values()) child.kill();
  }

  const rows: Row[] = GROUPS.flatMap((group) =>
    group.subjects.map((item) => {
      const slot = samples.get(key(group.framework, item.id)) as Samples;
      const verdicts = [...slot.verdicts].filter((verdict) => verdict !== 'ok');
      return {
        framework: group.framework,
        label: item.label,
        id: item.id,
        ttfbMs: median(slot.ttfbMs),
        mbPerS: STREAM_TOTAL_BYTES / MIB / (median(slot.totalMs) / 1000),
        n: slot.totalMs.length,
        verdict: verdicts.length === 0 ? 'ok' : verdicts.join('; '),
      };
    }),
  );
  const markdown = render(rows, (Date.now() - started) / 1000);
  process.stdout.write(`${markdown}\n`);
  if (!quick) writeFileSync(path.join(__dirname, 'results', 'stream-latest.md'), `${markdown}\n`);
}

function render(rows: readonly Row[], seconds: number): string {
  const floorOf = (framework: string): Row => rows.find((row) => row.framework === framework && row.id === 'floor') as Row;
  const lines = [
    '# Streaming benchmark: a 10 MiB streamed response',
    '',
    `Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), shared with other work; ` +
      `${PLAN.rounds} rounds x ${PLAN.invocations} timed invocations per subject and framework (after ${PLAN.warmup} warm-up), ${seconds.toFixed(0)} s.`,
    '',
    'Each subject is bundled as `sam build` bundles a function and runs in its own process under the local `awslambda` global',
    "(dev/lambda-runtime/instance/awslambda-global.ts: the runtime's 64 KiB stream, prelude on first write), writing into a sink that takes",
    'every write at once and copies its bytes once, as a socket would. The app writes 10 MiB in 64 KiB chunks honouring back-pressure. TTFB: handler called to the first body',
    'byte in the sink. MB/s: 10 MiB over the median time from handler called to the stream finished (1 MB = 1,048,576 bytes).',
    'Medians; the floor (a bare `streamifyResponse` handler writing the same chunks) is measured inside every group.',
    '',
    '| framework | subject | TTFB µs | MB/s | TTFB vs floor | MB/s vs floor | samples | answers |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const row of rows) {
    const floor = floorOf(row.framework);
    lines.push(
      `| ${row.framework} | ${row.label} | ${(row.ttfbMs * 1000).toFixed(0)} | ${row.mbPerS.toFixed(0)} | ${(row.ttfbMs / floor.ttfbMs).toFixed(2)}x | ${(row.mbPerS / floor.mbPerS).toFixed(2)}x | ${row.n} | ${row.verdict} |`,
    );
  }
  const fastifyOurs = rows.find((row) => row.id === 'fastify-ours');
  const fastifyTheirs = rows.find((row) => row.id === 'fastify-aws-lambda');
  if (fastifyOurs && fastifyTheirs) {
    lines.push(
      '',
      `Fastify, ours against @fastify/aws-lambda: TTFB ${(fastifyOurs.ttfbMs / fastifyTheirs.ttfbMs).toFixed(2)}x, ` +
        `MB/s ${(fastifyOurs.mbPerS / fastifyTheirs.mbPerS).toFixed(2)}x (below 1x is faster for TTFB, above 1x for MB/s).`,
    );
  }
  return lines.join('\n');
}

void main();
