import os from 'node:os';
import { version as esbuildVersion } from 'esbuild';
import type { Bundle } from './build-bundles';
import type { ColdStartSample } from './measure-cold-start';
import type { RuntimeClientColdStartSample } from './measure-runtime-client-cold-start';
import type { WarmSamples } from './measure-warm';
import type { PayloadVersion, ScenarioName } from './scenarios';
import { BOOTSTRAP, bootstrapRatio, MIN_PAIRS_FOR_VERDICT, summarize, verdictOf, type Spread } from './stats';
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
  /** The same cold starts under aws-lambda-ric on Node 24 (Sourcemap: false functions only), or why they were skipped. */
  readonly runtimeClient?: { readonly samples: Readonly<Record<string, RuntimeClientColdStartSample[]>> } | { readonly skipped: string };
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

/** `median (p25–p75)`. */
export const formatSpread = (spread: Spread): string =>
  `${formatNumber(spread.median)} (${formatNumber(spread.p25)}–${formatNumber(spread.p75)})`;

/** A 95% interval as `[low–high]`. */
export const formatInterval = (low: number, high: number): string => `[${low.toFixed(2)}–${high.toFixed(2)}]`;

/**
 * `ours ÷ other` with its bootstrap interval over the paired batches (or runs), and whether ours
 * is ahead or behind with that confidence. A single sample (bundle bytes) has no interval to show.
 */
function formatRatio(ours: Cell | undefined, other: Cell | undefined, withVerdict = false): string {
  if (!ours || !other || ours.wrong !== undefined || other.wrong !== undefined) return '–';
  const estimate = bootstrapRatio(ours.samples, other.samples);
  if (!Number.isFinite(estimate.ratio)) return '–';
  const ratio = `${estimate.ratio.toFixed(2)}×`;
  if (estimate.n < 2) return ratio;
  return `${ratio} ${formatInterval(estimate.low, estimate.high)}${withVerdict ? ` ${verdictOf(estimate)}` : ''}`;
}

/** What the Lambda translation adds to the framework's own work, ours and the best peer's. */
function formatOverheads(ours: Spread | undefined, peer: Spread | undefined, floor: Spread | undefined): string {
  if (!floor) return '–';
  const over = (spread: Spread | undefined): string => (spread ? formatNumber(spread.median - floor.median) : '–');
  return `${over(ours)} / ${over(peer)}`;
}

// A saved run's JSON turns an array's `undefined` (a correct answer) into null: only a string is a wrong answer.
// Kept to one line without pipes: a crash's stack in a cell would break the table.
export function firstWrong(verdicts: readonly (string | undefined)[]): string | undefined {
  const wrong = verdicts.find((verdict) => typeof verdict === 'string');
  return wrong === undefined ? undefined : wrong.replace(/\s+/g, ' ').replaceAll('|', '/').slice(0, 200);
}

/** A markdown table. */
export const table = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

interface Cell {
  readonly spread: Spread;
  /** One figure per batch (warm) or run (cold), in the order they ran: batch i of each subject shared a round. */
  readonly samples: readonly number[];
  readonly wrong: string | undefined;
}

/** The fastest peer that answered correctly, by median: the one ours has to match. */
function bestPeerEntry(cells: ReadonlyMap<Subject, Cell>): [Subject, Cell] | undefined {
  let best: [Subject, Cell] | undefined;
  for (const [subject, cell] of cells) {
    if (subject.role !== 'peer' || cell.wrong !== undefined) continue;
    if (!best || cell.spread.median < best[1].spread.median) best = [subject, cell];
  }
  return best;
}

const bestPeer = (cells: ReadonlyMap<Subject, Cell>): Cell | undefined => bestPeerEntry(cells)?.[1];

function byRole(cells: ReadonlyMap<Subject, Cell>, role: Subject['role']): Cell | undefined {
  for (const [subject, cell] of cells) if (subject.role === role) return cell;
  return undefined;
}

const showCell = (cell: Cell): string => (cell.wrong ? `✗ wrong: ${cell.wrong}` : formatSpread(cell.spread));

/**
 * Which warm figure a table ranks by. CPU time is the default: on 2 shared cores other processes
 * stretch a batch's wall time far more than its CPU time (p25–p75 spreads 2 to 5 times narrower).
 */
type WarmClock = 'cpuUs' | 'us';

/** Every subject of a framework in one warm scenario. */
function warmCells(results: Results, framework: Framework, scenario: number, clock: WarmClock = 'cpuUs'): Map<Subject, Cell> {
  const cells = new Map<Subject, Cell>();
  for (const subject of results.subjects.filter((each) => each.framework === framework)) {
    const samples = results.warm[subject.id]?.[scenario];
    const figures = samples?.[clock] ?? [];
    cells.set(subject, { spread: summarize(figures), samples: figures, wrong: firstWrong(samples?.verdicts ?? []) });
  }
  return cells;
}

/** The question the benchmark answers first: in which cells is ours ahead of the best peer, with confidence. */
function renderVerdicts(results: Results): string {
  const header = [
    'framework',
    'payload',
    'scenario',
    'best correct peer',
    'ours ÷ best peer (CPU)',
    `${BOOTSTRAP.confidence * 100}% interval`,
    'verdict',
    'wall-clock ratio [interval]',
  ];
  const rows: string[][] = [];
  for (const framework of FRAMEWORKS) {
    results.scenarios.forEach(({ name, version }, index) => {
      const cells = warmCells(results, framework, index);
      const ours = byRole(cells, 'ours');
      const peer = bestPeerEntry(cells);
      if (!ours || !peer) return;
      const label = SUBJECT_LABELS[peer[0].name] ?? peer[0].name;
      if (ours.wrong !== undefined) {
        rows.push([framework, version, name, label, '–', '–', `✗ ours wrong: ${ours.wrong}`, '–']);
        return;
      }
      const estimate = bootstrapRatio(ours.samples, peer[1].samples);
      const verdict = verdictOf(estimate);
      const wallCells = warmCells(results, framework, index, 'us');
      const wall = formatRatio(byRole(wallCells, 'ours'), wallCells.get(peer[0]));
      rows.push([
        framework,
        version,
        name,
        label,
        `${estimate.ratio.toFixed(2)}×`,
        formatInterval(estimate.low, estimate.high),
        verdict === 'ahead' || verdict === 'behind' ? `**${verdict}**` : verdict,
        wall,
      ]);
    });
  }
  const note = `Warm CPU µs per invocation, ours ÷ the fastest correct peer: ratio of medians, percentile bootstrap over the ${results.plan.rounds} interleaved rounds (batches resampled in pairs by round; ${BOOTSTRAP.resamples} resamples, seed ${BOOTSTRAP.seed}). **ahead**: the whole interval is below 1; **behind**: above 1; no verdict from fewer than ${MIN_PAIRS_FOR_VERDICT} rounds. The verdict uses CPU time; the wall-clock ratio against the same peer is shown beside it.`;
  return `### Ours against the best peer, every warm cell\n\n${note}\n\n${table(header, rows)}`;
}

function renderWarm(results: Results, framework: Framework): string {
  const subjects = results.subjects.filter((subject) => subject.framework === framework);
  const header = [
    'payload',
    'scenario',
    ...subjects.map((subject) => SUBJECT_LABELS[subject.name] ?? subject.name),
    'ours ÷ best peer [95%]',
    'ours ÷ framework floor [95%]',
    'ours ÷ bare floor [95%]',
    'µs over framework floor: ours / best peer',
  ];
  const rows = results.scenarios.map(({ name, version }, index) => {
    const cells = warmCells(results, framework, index);
    const ours = byRole(cells, 'ours');
    const oursSpread = ours?.wrong ? undefined : ours?.spread;
    return [
      version,
      name,
      ...[...cells.values()].map(showCell),
      formatRatio(ours, bestPeer(cells), true),
      formatRatio(ours, byRole(cells, 'framework floor')),
      formatRatio(ours, byRole(cells, 'bare floor')),
      formatOverheads(oursSpread, bestPeer(cells)?.spread, byRole(cells, 'framework floor')?.spread),
    ];
  });
  return `### ${framework}: warm CPU µs per invocation, median (p25–p75)\n\n${table(header, rows)}`;
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
  const cell = (values: number[]): Cell => ({ spread: summarize(values), samples: values, wrong });
  const bytes = bundle?.bytes ?? Number.NaN;
  return {
    bundle: { spread: { median: bytes, p25: bytes, p75: bytes, n: 1 }, samples: [bytes], wrong: undefined },
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
        return formatRatio(byRole(cells, 'ours'), other);
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

interface RuntimeClientCells {
  readonly initMs: Cell;
  readonly firstMs: Cell;
  readonly totalMs: Cell;
  readonly rssMb: Cell;
}

function runtimeClientCells(samples: readonly RuntimeClientColdStartSample[]): RuntimeClientCells {
  const wrong = firstWrong(samples.map((sample) => sample.verdict));
  const cell = (values: number[]): Cell => ({ spread: summarize(values), samples: values, wrong });
  return {
    initMs: cell(samples.map((sample) => sample.initMs)),
    firstMs: cell(samples.map((sample) => sample.firstInvokeMs)),
    totalMs: cell(samples.map((sample) => sample.totalMs)),
    rssMb: cell(samples.map((sample) => sample.peakRssKb / 1024)),
  };
}

const runtimeClientRow = (framework: string, label: string, cells: RuntimeClientCells): string[] => [
  framework,
  label,
  formatSpread(cells.initMs.spread),
  formatSpread(cells.firstMs.spread),
  formatSpread(cells.totalMs.spread),
  formatSpread(cells.rssMb.spread),
  cells.totalMs.wrong ? `✗ ${cells.totalMs.wrong}` : 'ok',
];

function renderRuntimeClientCold(results: Results): string {
  const heading = '### Cold start under the runtime client (aws-lambda-ric on Node 24): spawn → first response; median (p25–p75)';
  if (!results.runtimeClient) return '';
  if ('skipped' in results.runtimeClient)
    return `${heading}

Not measured: ${results.runtimeClient.skipped}.`;
  const measured = results.runtimeClient.samples;
  const rows: string[][] = [];
  const ratioRows: string[][] = [];
  for (const framework of FRAMEWORKS) {
    const subjects = results.subjects.filter((subject) => subject.framework === framework);
    const all = new Map(subjects.map((subject) => [subject, runtimeClientCells(measured[subject.id] ?? [])]));
    for (const [subject, cells] of all) rows.push(runtimeClientRow(framework, SUBJECT_LABELS[subject.name] ?? subject.name, cells));
    const deployed = measured[`${framework} Sourcemap: false`];
    if (deployed)
      rows.push(runtimeClientRow(framework, `functions/${framework} as sam build builds it (real event)`, runtimeClientCells(deployed)));
    const pick = (key: keyof RuntimeClientCells) => new Map([...all].map(([subject, cells]) => [subject, cells[key]]));
    for (const [label, role] of [
      ['best peer', 'peer'],
      ['framework floor', 'framework floor'],
      ['bare floor', 'bare floor'],
    ] as const) {
      const against = (key: keyof RuntimeClientCells): string => {
        const cells = pick(key);
        return formatRatio(byRole(cells, 'ours'), role === 'peer' ? bestPeer(cells) : byRole(cells, role));
      };
      ratioRows.push([framework, `ours ÷ ${label}`, against('initMs'), against('firstMs'), against('totalMs'), against('rssMb')]);
    }
  }
  const header = ['framework', 'subject', 'INIT ms', 'first invoke ms', 'total ms', 'peak RSS MB', 'answer'];
  const note =
    "A fresh Runtime API per start with the same first REST v1 GET /ping queued; the real client spawned with cwd, LAMBDA_TASK_ROOT, `_HANDLER` and the environment Lambda gives a nodejs24.x function. INIT: spawn → its first `GET /invocation/next`; first invoke: that → the response body received; peak RSS: VmHWM once it answered. The framework floor takes its request in Node's terms (body as base64 text).";
  return [
    heading,
    '',
    note,
    '',
    table(header, rows),
    '',
    'Ratios (best peer chosen per column), 95% bootstrap intervals paired by run:',
    '',
    table(['framework', 'ratio', 'INIT', 'first invoke', 'total', 'peak RSS'], ratioRows),
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
        formatRatio(on.cells.requireMs, off.cells.requireMs),
        formatRatio(on.cells.firstMs, off.cells.firstMs),
        `${formatRatio(on.cells.totalMs, off.cells.totalMs)} (${delta >= 0 ? '+' : ''}${delta.toFixed(1)} ms)`,
        formatRatio(on.cells.rssMb, off.cells.rssMb),
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
- Figures are medians with p25–p75 in brackets. Ratios divide our median by the other's, with a
  95% percentile-bootstrap interval in square brackets: batch i of every subject ran in round i,
  next to the others, so rounds are resampled as pairs (2,000 resamples, fixed seed: the same
  samples always give the same interval). Ours is **ahead** only when the whole interval is below
  1, **behind** only when it is above 1; otherwise the run cannot separate them. Best peer = the
  fastest (or smallest) peer that answered that scenario correctly, chosen on the whole run (which
  favours the peer slightly when two peers are close). Cold-start ratios pair runs the same way.
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
  rotated order: one batch is one sample. A batch runs chunks of 64 invocations until its clock
  reaches the batch length; each chunk's fresh events are built off the clock (a subject may
  write into its event, so none is reused, and no more than a chunk is alive at a time). Warm
  figures are the process's CPU time (\`process.cpuUsage\`, user + system) per invocation: other
  processes on the shared cores stretch wall time far more; the verdict table also shows the
  wall-clock ratio. Events are a browser's request through API Gateway's edge, from the same
  builders the tests use (\`dev/sample-events/browser-request.ts\`): 18 edge headers and a
  Cookie with three cookies, Title-Case in \`headers\` and \`multiValueHeaders\` on REST v1 with a
  full \`requestContext.identity\`, lower-case with \`cookies\` on HTTP API 2.0. Each invocation is followed by one turn of the event
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
    `Samples: ${plan.coldRuns} cold starts per subject; warm: ${plan.rounds} batches per subject and scenario, each ~${plan.batchMs} ms (wall clock) of sequential invocations after ${plan.warmup} warm-up invocations; events are browser requests through the edge (19 headers with a Cookie).`,
  ].join('\n');
  return [
    '## Benchmarks: the shared helper against the peer adapters',
    '',
    run,
    '',
    renderVerdicts(results),
    '',
    ...FRAMEWORKS.flatMap((framework) => [renderWarm(results, framework), '']),
    renderCold(results),
    '',
    ...(results.runtimeClient ? [renderRuntimeClientCold(results), ''] : []),
    renderPackages(results),
    '',
    renderSourcemap(results),
    '',
    METHOD,
  ].join('\n');
}
