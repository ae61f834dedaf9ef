import { summarize } from '../stats';
import type { ColdRow } from './attribute-cold-sample';
import type { ColdRun } from './run-cold-profile';

/** One framework's profiled cold starts and the sizes of its two bundles. */
export interface ProfiledFunction {
  readonly framework: string;
  readonly runs: readonly ColdRun[];
  readonly unminifiedBytes: number;
  readonly shippedBytes: number;
}

/** When and where the runs were made, for the header. */
export interface ProfileSetting {
  readonly date: string;
  readonly node: string;
  readonly loadAverage: string;
}

const median = (values: readonly number[]): number => summarize(values).median;
const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(1) : '–');
const medianOf = (fn: ProfiledFunction, pick: (run: ColdRun) => number): number => median(fn.runs.map(pick));
const rowOf = (run: ColdRun, row: ColdRow): number => run.rows.get(row) ?? 0;

/** The median ms of each detail of a row over the runs (0 where a run had none), largest first. */
function topDetails(fn: ProfiledFunction, row: ColdRow, count: number): string {
  const names = new Set(fn.runs.flatMap((run) => [...(run.details.get(row)?.keys() ?? [])]));
  const medians = [...names]
    .map((name) => ({ name, ms: medianOf(fn, (run) => run.details.get(row)?.get(name) ?? 0) }))
    .sort((a, b) => b.ms - a.ms);
  const shown = medians.slice(0, count).map((each) => `${each.name} ${ms(each.ms)}`);
  const rest = medians.slice(count).reduce((sum, each) => sum + each.ms, 0);
  return [...shown, ...(rest > 0 ? [`the rest ${ms(rest)}`] : [])].join(', ');
}

const REQUIRE_ROWS: readonly [ColdRow, string][] = [
  ['bundle', 'reading, parsing and compiling the bundle'],
  ['builtins', 'Node built-ins loaded on demand'],
  ['gc', 'garbage collection'],
  ['topLevels', 'module top levels'],
  ['app', "the app's construction (`createApp`)"],
];

/**
 * The markdown report of a cold-start profile: one table of medians (ms) per row and framework,
 * each phase's wall time from the marks beside the samples it holds, then what each row is made of.
 */
export function renderColdTable(functions: readonly ProfiledFunction[], setting: ProfileSetting): string {
  const runs = functions[0]?.runs.length ?? 0;
  const line = (label: string, pick: (run: ColdRun) => number): string =>
    `| ${label} | ${functions.map((fn) => ms(medianOf(fn, pick))).join(' | ')} |`;
  const requireSampled = (run: ColdRun): number => REQUIRE_ROWS.reduce((sum, [row]) => sum + rowOf(run, row), 0);
  const sizes = functions.map(
    (fn) =>
      `${fn.framework} ${(fn.unminifiedBytes / 1024).toFixed(0)} KB (${(fn.unminifiedBytes / fn.shippedBytes).toFixed(2)}x the shipped ${(fn.shippedBytes / 1024).toFixed(0)} KB)`,
  );
  const aligned = functions.flatMap((fn) => fn.runs.map((run) => run.alignment));
  const underLoad = aligned.reduce((sum, each) => sum + each.underLoad, 0);
  const inside = aligned.reduce((sum, each) => sum + each.inside, 0);
  return [
    `# Where a cold start's milliseconds go`,
    '',
    `\`npm run profile:cold\`, ${setting.date}: ${runs} fresh processes per function on Node ${setting.node}, load average ${setting.loadAverage}.`,
    `Each loads the function's handler and answers its REST v1 ping (\`<framework>-ping.json\`) under \`--cpu-prof\``,
    `(a sample per 50 µs). The profiled bundle is built as sam build does but unminified (module comments and`,
    `names kept): ${sizes.join(', ')}, so reading, parsing and compiling it costs more than the shipped one's.`,
    `Medians in ms; a phase's rows are medians too, so they need not add up exactly to its median.`,
    '',
    `| ms | ${functions.map((fn) => fn.framework).join(' | ')} |`,
    `| --- | ${functions.map(() => '---:').join(' | ')} |`,
    line("**Node's own start**, wall from process start to the require", (run) => run.wall.toRequire),
    line('↳ of which before `performance.nodeTiming.bootstrapComplete`', (run) => run.wall.bootstrapComplete),
    line('↳ sampled (bootstrap, the child script)', (run) => rowOf(run, 'start')),
    line('**Loading the handler** (the require), wall', (run) => run.wall.require),
    ...REQUIRE_ROWS.map(([row, label]) => line(`↳ ${label}`, (run) => rowOf(run, row))),
    line('↳ sampled, all rows', requireSampled),
    line('**First request**, wall', (run) => run.wall.firstRequest),
    line('↳ sampled', (run) => rowOf(run, 'firstRequest')),
    line('**Process start to the answer**, wall', (run) => run.wall.toRequire + run.wall.require + run.wall.firstRequest),
    '',
    ...functions.flatMap((fn) => [
      `${fn.framework}:`,
      `- reading, parsing and compiling the bundle: ${topDetails(fn, 'bundle', 8)}`,
      `- built-ins, the 3 largest: ${topDetails(fn, 'builtins', 3)}`,
      `- module top levels, top 6: ${topDetails(fn, 'topLevels', 6)}`,
      `- the app's construction, by package: ${topDetails(fn, 'app', 3)}`,
      `- first request, top 3: ${topDetails(fn, 'firstRequest', 3)}`,
      '',
    ]),
    `Clock check: ${inside} of ${underLoad} samples under the child's \`loadHandler\` fall between its require marks.`,
    '',
  ].join('\n');
}
