import os from 'node:os';
import { version as esbuildVersion } from 'esbuild';
import type { Bundle } from './build-bundles';
import type { ColdStartSample } from './measure-cold-start';
import type { WarmSamples } from './measure-warm';
import type { PayloadVersion, ScenarioName } from './scenarios';
import { summarize, type Spread } from './stats';
import { FRAMEWORKS, SUBJECT_LABELS, type Framework, type Subject } from './subjects';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly os: string;
  readonly node: string;
  readonly v8: string;
  readonly esbuild: string;
}

export interface Results {
  readonly machine: Machine;
  readonly mode: 'quick' | 'full';
  readonly plan: { readonly coldRuns: number; readonly rounds: number; readonly warmup: number; readonly batchMs: number };
  readonly startedAt: string;
  readonly durationS: number;
  readonly subjects: readonly Subject[];
  readonly scenarios: readonly { readonly name: ScenarioName; readonly version: PayloadVersion }[];
  readonly bundles: Readonly<Record<string, Bundle>>;
  /** The deployed functions, keyed `<framework> Sourcemap: <bool>`. */
  readonly functionBundles: Readonly<Record<string, Bundle>>;
  readonly cold: Readonly<Record<string, ColdStartSample[]>>;
  readonly warm: Readonly<Record<string, WarmSamples[]>>;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    v8: process.versions.v8,
    esbuild: esbuildVersion,
  };
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

const formatSpread = (spread: Spread): string => `${formatNumber(spread.median)} (${formatNumber(spread.p25)}–${formatNumber(spread.p75)})`;

/** `ours ÷ other`, with `≈` when the two p25–p75 ranges overlap: too close to call on this run. */
function formatRatio(ours: Spread | undefined, other: Spread | undefined): string {
  if (!ours || !other || !Number.isFinite(ours.median) || !Number.isFinite(other.median)) return '–';
  const overlap = ours.p25 <= other.p75 && other.p25 <= ours.p75;
  return `${(ours.median / other.median).toFixed(2)}×${overlap ? ' ≈' : ''}`;
}

/** What the Lambda translation adds to the framework's own work, ours and the best peer's. */
function formatOverheads(ours: Spread | undefined, peer: Spread | undefined, floor: Spread | undefined): string {
  if (!floor) return '–';
  const over = (spread: Spread | undefined): string => (spread ? formatNumber(spread.median - floor.median) : '–');
  return `${over(ours)} / ${over(peer)}`;
}

function firstWrong(verdicts: readonly (string | undefined)[]): string | undefined {
  return verdicts.find((verdict) => verdict !== undefined);
}

const table = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

interface Cell {
  readonly spread: Spread;
  readonly wrong: string | undefined;
}

/** The fastest peer that answered correctly, by median. */
function bestPeer(cells: ReadonlyMap<Subject, Cell>): Cell | undefined {
  let best: Cell | undefined;
  for (const [subject, cell] of cells) {
    if (subject.role !== 'peer' || cell.wrong !== undefined) continue;
    if (!best || cell.spread.median < best.spread.median) best = cell;
  }
  return best;
}

function byRole(cells: ReadonlyMap<Subject, Cell>, role: Subject['role']): Cell | undefined {
  for (const [subject, cell] of cells) if (subject.role === role) return cell;
  return undefined;
}

const showCell = (cell: Cell): string => (cell.wrong ? `✗ wrong: ${cell.wrong}` : formatSpread(cell.spread));

function renderWarm(results: Results, framework: Framework): string {
  const subjects = results.subjects.filter((subject) => subject.framework === framework);
  const header = [
    'payload',
    'scenario',
    ...subjects.map((subject) => SUBJECT_LABELS[subject.name] ?? subject.name),
    'ours ÷ best peer',
    'ours ÷ framework floor',
    'ours ÷ bare floor',
    'µs over framework floor: ours / best peer',
  ];
  const rows = results.scenarios.map(({ name, version }, index) => {
    const cells = new Map<Subject, Cell>();
    for (const subject of subjects) {
      const samples = results.warm[subject.id]?.[index] ?? { us: [], invocations: [], verdicts: [] };
      cells.set(subject, { spread: summarize(samples.us), wrong: firstWrong(samples.verdicts) });
    }
    const ours = byRole(cells, 'ours');
    const oursSpread = ours?.wrong ? undefined : ours?.spread;
    return [
      version,
      name,
      ...[...cells.values()].map(showCell),
      formatRatio(oursSpread, bestPeer(cells)?.spread),
      formatRatio(oursSpread, byRole(cells, 'framework floor')?.spread),
      formatRatio(oursSpread, byRole(cells, 'bare floor')?.spread),
      formatOverheads(oursSpread, bestPeer(cells)?.spread, byRole(cells, 'framework floor')?.spread),
    ];
  });
  return `### ${framework}: warm µs per invocation, median (p25–p75)\n\n${table(header, rows)}`;
}

interface ColdCells {
  readonly bundle: Cell;
  readonly requireMs: Cell;
  readonly firstMs: Cell;
  readonly totalMs: Cell;
  readonly rssMb: Cell;
}

function coldCells(samples: readonly ColdStartSample[], bundle: Bundle | undefined): ColdCells {
  const wrong = firstWrong(samples.map((sample) => sample.verdict));
  const cell = (values: number[]): Cell => ({ spread: summarize(values), wrong });
  const bytes = bundle?.bytes ?? Number.NaN;
  return {
    bundle: { spread: { median: bytes, p25: bytes, p75: bytes, n: 1 }, wrong: undefined },
    requireMs: cell(samples.map((sample) => sample.requireMs)),
    firstMs: cell(samples.map((sample) => sample.firstInvocationMs)),
    totalMs: cell(samples.map((sample) => sample.requireMs + sample.firstInvocationMs)),
    rssMb: cell(samples.map((sample) => sample.peakRssKb / 1024)),
  };
}

function renderCold(results: Results): string {
  const header = ['framework', 'subject', 'bundle KB', 'require ms', 'first invocation ms', 'require + first ms', 'peak RSS MB', 'answer'];
  const rows: string[][] = [];
  const ratioRows: string[][] = [];
  for (const framework of FRAMEWORKS) {
    const subjects = results.subjects.filter((subject) => subject.framework === framework);
    const all = new Map(subjects.map((subject) => [subject, coldCells(results.cold[subject.id] ?? [], results.bundles[subject.id])]));
    for (const [subject, cells] of all) {
      rows.push([
        framework,
        SUBJECT_LABELS[subject.name] ?? subject.name,
        kb(cells.bundle.spread.median),
        formatSpread(cells.requireMs.spread),
        formatSpread(cells.firstMs.spread),
        formatSpread(cells.totalMs.spread),
        formatSpread(cells.rssMb.spread),
        cells.totalMs.wrong ? `✗ ${cells.totalMs.wrong}` : 'ok',
      ]);
    }
    const pick = (key: keyof ColdCells) => new Map([...all].map(([subject, cells]) => [subject, cells[key]]));
    for (const [label, role] of [
      ['best peer', 'peer'],
      ['framework floor', 'framework floor'],
      ['bare floor', 'bare floor'],
    ] as const) {
      const against = (key: keyof ColdCells): string => {
        const cells = pick(key);
        const other = role === 'peer' ? bestPeer(cells) : byRole(cells, role);
        return formatRatio(byRole(cells, 'ours')?.spread, other?.spread);
      };
      ratioRows.push([
        framework,
        `ours ÷ ${label}`,
        against('bundle'),
        against('requireMs'),
        against('firstMs'),
        against('totalMs'),
        against('rssMb'),
      ]);
    }
  }
  const ratioHeader = ['framework', 'ratio', 'bundle', 'require', 'first invocation', 'require + first', 'peak RSS'];
  return [
    '### Cold start: fresh process, require the bundle, first REST v1 GET /ping; median (p25–p75)',
    '',
    table(header, rows),
    '',
    'Ratios (best peer chosen per column: the smallest or fastest correct peer):',
    '',
    table(ratioHeader, ratioRows),
  ].join('\n');
}

function renderPackages(results: Results): string {
  const rows = results.subjects.map((subject) => {
    const bundle = results.bundles[subject.id];
    const top = (bundle?.packages ?? []).slice(0, 5).map((share) => `${share.name} ${kb(share.bytes)}`);
    return [subject.framework, SUBJECT_LABELS[subject.name] ?? subject.name, bundle ? kb(bundle.bytes) : '–', top.join(', ')];
  });
  return `### Largest packages in each bundle (KB of minified output, esbuild metafile)\n\n${table(['framework', 'subject', 'bundle KB', 'largest packages'], rows)}`;
}

function renderSourcemap(results: Results): string {
  const rows: string[][] = [];
  for (const framework of FRAMEWORKS) {
    const cells = [false, true].map((sourcemap) => {
      const id = `${framework} Sourcemap: ${sourcemap}`;
      return { sourcemap, bundle: results.functionBundles[id], cells: coldCells(results.cold[id] ?? [], results.functionBundles[id]) };
    });
    for (const { sourcemap, bundle, cells: c } of cells) {
      rows.push([
        `functions/${framework}`,
        sourcemap ? 'true (+ NODE_OPTIONS=--enable-source-maps)' : 'false',
        bundle ? `${kb(bundle.bytes)}${bundle.mapBytes ? ` + ${kb(bundle.mapBytes)} map` : ''}` : '–',
        formatSpread(c.requireMs.spread),
        formatSpread(c.firstMs.spread),
        formatSpread(c.totalMs.spread),
        formatSpread(c.rssMb.spread),
        c.totalMs.wrong ? `✗ ${c.totalMs.wrong}` : 'ok',
      ]);
    }
    const [off, on] = cells;
    if (off && on) {
      const delta = on.cells.totalMs.spread.median - off.cells.totalMs.spread.median;
      rows.push([
        `functions/${framework}`,
        '**true ÷ false**',
        '',
        formatRatio(on.cells.requireMs.spread, off.cells.requireMs.spread),
        formatRatio(on.cells.firstMs.spread, off.cells.firstMs.spread),
        `${formatRatio(on.cells.totalMs.spread, off.cells.totalMs.spread)} (${delta >= 0 ? '+' : ''}${delta.toFixed(1)} ms)`,
        formatRatio(on.cells.rssMb.spread, off.cells.rssMb.spread),
        '',
      ]);
    }
  }
  const header = [
    'function (real handler, real event)',
    'Sourcemap',
    'bundle KB',
    'require ms',
    'first invocation ms',
    'require + first ms',
    'peak RSS MB',
    'answer',
  ];
  return `### What \`Sourcemap: true\` costs a cold start\n\n${table(header, rows)}`;
}

const METHOD = `How to read it:
- Figures are medians with p25–p75 in brackets. Ratios divide our median by the other's; \`≈\` marks
  ratios whose p25–p75 ranges overlap (too close to call on this run). Best peer = the fastest
  (or smallest) peer that answered that scenario correctly.
- ✗ marks a wrong answer (status, content type, body bytes after base64 decoding, a header value
  that is not a string): a wrong subject is not ranked.
- Every subject of a framework serves the same app: the real \`functions/<framework>/app.ts\`
  (\`GET /ping\`, \`POST /echo\`) plus a bench-only \`GET /image\` (a 100 KB PNG). Events hit the
  API's root (\`/{proxy+}\`), so no subject strips a base path. REST v1 bodies arrive base64
  (the template makes every media type binary); HTTP API JSON bodies arrive as text.
- Peers are configured as their READMEs advise for binary bodies: serverless-http
  \`binary: ['image/*']\`, @fastify/aws-lambda \`binaryMimeTypes: ['image/png']\`,
  @codegenie/serverless-express defaults (image/* already binary). serverless-http serves
  Fastify through \`app.inject\`; @codegenie has no Fastify support.
- Bare floor: a Lambda handler with no framework answering the same three routes from the event
  (the PNG base64-encoded per call). Framework floor: the app's own listener (Express app, Koa
  \`callback()\`, Fastify \`routing\`) called with a real IncomingMessage/ServerResponse built from a
  pre-parsed request, the response left as the bytes Node wrote: what Node's HTTP server does minus
  socket I/O, with no event read and no result written. It is the cheapest direct call that runs
  every framework's real request path. light-my-request (\`app.inject\`, which both Fastify peers
  use) builds its own request and response objects per call, so it is not a floor but a layer.
- Bundles: esbuild \`--bundle --platform=node --format=cjs --target=node24 --minify\`, no sourcemap,
  as \`sam build\` does from the template's BuildProperties. Cold start: a fresh \`node\` process with
  NODE_ENV=production times \`require(bundle)\` and the first invocation; peak RSS is the process's
  maxRSS. Warm: one long-lived process per subject; only one runs at a time, and per round each
  subject runs one timed batch of sequential invocations per scenario (after a warm-up), in a
  rotated order: one batch is one sample. Each invocation is followed by one turn of the event
  loop, as the runtime's own I/O between invocations gives one, so work an adapter defers
  (setImmediate, timers) is counted; that turn is most of the bare floor's ~2–4 µs.
- Node here is the machine's, not Lambda's nodejs24.x: Node 20's base64 encoder dominates every
  100 KB image row (the bare floor's ~140 µs is almost all \`toString('base64')\`); newer Node
  encodes base64 several times faster, so those rows will shrink for every subject alike.`;

/** The whole report as markdown. */
export function renderReport(results: Results): string {
  const { machine, plan } = results;
  const run = [
    `Run: ${results.mode}, ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${results.durationS.toFixed(0)} s.`,
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}; Node ${machine.node} (V8 ${machine.v8}); esbuild ${machine.esbuild}.`,
    `Samples: ${plan.coldRuns} cold starts per subject; warm: ${plan.rounds} batches per subject and scenario, each ~${plan.batchMs} ms of sequential invocations (50 to 20,000, count fixed per subject and scenario) after ${plan.warmup} warm-up invocations.`,
  ].join('\n');
  return [
    '## Benchmarks: the shared helper against the peer adapters',
    '',
    run,
    '',
    ...FRAMEWORKS.flatMap((framework) => [renderWarm(results, framework), '']),
    renderCold(results),
    '',
    renderPackages(results),
    '',
    renderSourcemap(results),
    '',
    METHOD,
  ].join('\n');
}
