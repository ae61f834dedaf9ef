import { packageOf } from '../build-bundles';
import type { CallFrame, Sample } from './read-cpu-profile';

/** The rows a cold start's time is split into; `after` (writing the marks, exiting) is left out. */
export type ColdRow = 'start' | 'bundle' | 'builtins' | 'gc' | 'topLevels' | 'app' | 'firstRequest' | 'after';

/** Where a sample goes: its row and, within it, what it was (a package, a built-in, a loader step). */
export interface Attribution {
  readonly row: ColdRow;
  readonly detail: string;
}

/** The child's marks moved onto the profile's clock, in µs. */
export interface PhaseBounds {
  readonly requireStartUs: number;
  readonly requireEndUs: number;
  readonly answeredUs: number;
}

/** What profile-cold knows of the bundle: its URL in the profile and the module of each of its lines. */
export interface BundleLines {
  readonly url: string;
  readonly moduleAt: (line: number) => string | undefined;
}

const isBuiltinLoading = (frame: CallFrame): boolean =>
  frame.url.startsWith('node:internal/bootstrap/') &&
  (frame.functionName === 'compileForInternalLoader' || frame.functionName === 'requireBuiltin');

/** The built-in the user-land code asked for: the one the outermost built-in loader is running. */
function builtinOf(stack: readonly CallFrame[]): string {
  const outermost = stack.findLastIndex(isBuiltinLoading);
  const loaded = stack.slice(0, outermost).findLast((frame) => frame.url.startsWith('node:') && !isBuiltinLoading(frame));
  return loaded?.url ?? '(compiling a built-in)';
}

// The loader's steps on the bundle file itself, by a frame each step runs under (leaf first wins).
const LOADER_STEPS: readonly [RegExp, string][] = [
  [/^(utf8Slice|decodeUTF8|decode|toString|stringify)$/, 'decoding the text'],
  [/^(read|readSync|readFileSync|getSourceSync)$/, 'reading the file'],
  [/^cjsPreparseModuleExports$/, 'scanning for named exports'],
  [/^detectModuleFormat$/, 'format detection'],
  [/^(wrapSafe|compileFunctionForCJSLoader|compileFunction)$/, 'compiling the wrapper'],
  [/^\(program\)$/, '(program)'],
];

function loaderStepOf(stack: readonly CallFrame[]): string {
  for (const frame of stack) {
    const step = LOADER_STEPS.find(([name]) => name.test(frame.functionName));
    if (step) return step[1];
  }
  return 'resolving, the loader, the child script';
}

/**
 * Puts one sample of a profiled cold start in exactly one row. By time: before the require began is
 * Node's start, after it returned is the first request. Inside the require, by what it was doing,
 * first match wins: garbage collection; loading a Node built-in; the loader's work on the bundle
 * file (no bundle frame on the stack) or esbuild's `__require`/`__init` own time (V8 compiles a
 * module's factory lazily on its first call, and that time lands on the caller); under the app's
 * `createApp`; else the top level of the package whose code is innermost on the stack.
 */
export function attributeSample(sample: Sample, bounds: PhaseBounds, bundle: BundleLines): Attribution {
  const { stack } = sample;
  const leaf = stack[0];
  const inBundle = (frame: CallFrame): boolean => frame.url === bundle.url;
  // esbuild's helpers (`__toESM`, `__copyProps`) count for the module that called them. The bundle's
  // own top level (line 0: esbuild's helpers and every ES module's top-level lines) has no module.
  const innermost = stack.find((frame) => inBundle(frame) && bundle.moduleAt(frame.lineNumber) !== undefined) ?? stack.find(inBundle);
  const packageAt = (frame: CallFrame): string => {
    const module = bundle.moduleAt(frame.lineNumber);
    return module === undefined ? "(the bundle's top level)" : packageOf(module);
  };
  if (sample.atUs < bounds.requireStartUs) return { row: 'start', detail: '' };
  if (sample.atUs >= bounds.answeredUs) return { row: 'after', detail: '' };
  if (sample.atUs >= bounds.requireEndUs) {
    if (stack.some(isBuiltinLoading)) return { row: 'firstRequest', detail: builtinOf(stack) };
    if (innermost) return { row: 'firstRequest', detail: packageAt(innermost) };
    return { row: 'firstRequest', detail: leaf?.url || `(${leaf?.functionName ?? 'idle'})` };
  }
  if (leaf?.functionName === '(garbage collector)') return { row: 'gc', detail: '' };
  if (stack.some(isBuiltinLoading)) return { row: 'builtins', detail: builtinOf(stack) };
  if (!innermost) return { row: 'bundle', detail: loaderStepOf(stack) };
  if (leaf && inBundle(leaf) && bundle.moduleAt(leaf.lineNumber) === undefined && /^__(require|init)$/.test(leaf.functionName)) {
    return { row: 'bundle', detail: 'lazy compile of module factories' };
  }
  const app = stack.find((frame) => inBundle(frame) && /^createApp\d*$/.test(frame.functionName) && packageAt(frame) === 'functions/');
  if (app) return { row: 'app', detail: packageAt(innermost) };
  return { row: 'topLevels', detail: packageAt(innermost) };
}
