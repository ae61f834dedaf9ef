import type { SamTemplate, TemplateFunction } from '../sam-model/read-template';
import { startBuild, type FunctionBuild } from '../sam-build/build-functions';
import { createFunctionPool, type FunctionPool } from '../lambda-runtime/function-pool';
import type { Logger } from '../console/logger';

/** A function as the commands reach it: its build and its instances. */
export interface ServedFunction {
  build: FunctionBuild;
  pool: FunctionPool;
}

export interface FunctionsSetup {
  buildDir: string;
  runtimePath: string;
  maxInstances: number;
  /** Overlapping invocations per instance for every function (`--concurrency-per-instance`); undefined keeps one at a time. */
  concurrencyPerInstance?: number;
  logger: Logger;
  /** A debugger may attach: builds carry source maps and invocations have no timeout. */
  debugging: boolean;
  /** `--warm-containers EAGER`: an instance of each function starts with it, not on its first request. */
  warmContainers?: 'EAGER' | 'LAZY';
}

/** A template's functions, built and ready to run; replaced in place when the template changes. */
export interface ServedFunctions {
  /** By logical id; the same map for the server's whole life, so every command that holds it sees reloads. */
  readonly functions: ReadonlyMap<string, ServedFunction>;
  runtimes(): string[];
  /** Serves `next`'s functions instead; says which were added, removed or changed. */
  replace(next: SamTemplate): Promise<string[]>;
  close(): Promise<void>;
}

const fingerprints = (template: SamTemplate) => new Map(template.functions.map((fn) => [fn.logicalId, JSON.stringify(fn)]));

/** `ItemsFunction added`, `OldFunction removed`, `EchoFunction changed`, in that order. */
export function describeFunctionChanges(before: SamTemplate, after: SamTemplate): string[] {
  const old = fingerprints(before);
  const now = fingerprints(after);
  return [
    ...[...now.keys()].filter((id) => !old.has(id)).map((id) => `${id} added`),
    ...[...old.keys()].filter((id) => !now.has(id)).map((id) => `${id} removed`),
    ...[...now].filter(([id, json]) => old.has(id) && old.get(id) !== json).map(([id]) => `${id} changed`),
  ];
}

/** Builds every function of a template and keeps its instances until the template changes or the command stops. */
export async function serveFunctions(template: SamTemplate, setup: FunctionsSetup): Promise<ServedFunctions> {
  const functions = new Map<string, ServedFunction>();
  let current = template;

  async function start(fn: TemplateFunction): Promise<ServedFunction> {
    const build = await startBuild(fn, setup.buildDir, setup.logger, setup.debugging);
    const pool = createFunctionPool(fn, setup.runtimePath, setup.maxInstances, {
      logger: setup.logger,
      debugging: setup.debugging,
      ...(setup.concurrencyPerInstance === undefined ? {} : { concurrencyPerInstance: setup.concurrencyPerInstance }),
    });
    if (setup.warmContainers === 'EAGER') await prewarm(fn.logicalId, build, pool);
    return { build, pool };
  }

  async function prewarm(functionId: string, build: ServedFunction['build'], pool: ServedFunction['pool']): Promise<void> {
    const built = await build.current();
    if (!built.ok) return;
    const initError = await pool.prewarm(built.artifact);
    if (initError) setup.logger.error(`${functionId}: its instance failed to start (--warm-containers EAGER): ${initError}`);
    else setup.logger.info(`${functionId}: instance started (--warm-containers EAGER)`);
  }

  async function stop(served: ServedFunction): Promise<void> {
    await served.pool.close();
    await served.build.dispose();
  }

  // Every function given, started, or none: one that cannot start (esbuild refuses its
  // BuildProperties) stops those started with it, so that nothing half-replaced is served.
  async function startAll(fns: readonly TemplateFunction[]): Promise<Map<string, ServedFunction>> {
    const outcomes = await Promise.allSettled(fns.map(start));
    const started = new Map<string, ServedFunction>();
    outcomes.forEach((outcome, index) => {
      const fn = fns[index];
      if (outcome.status === 'fulfilled' && fn) started.set(fn.logicalId, outcome.value);
    });
    const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed) {
      await Promise.all([...started.values()].map(stop));
      throw failed.reason;
    }
    return started;
  }

  for (const [id, served] of await startAll(template.functions)) functions.set(id, served);

  return {
    functions,
    runtimes: () => [...new Set(current.functions.map((fn) => fn.runtime))],
    async replace(next) {
      const changes = describeFunctionChanges(current, next);
      const before = fingerprints(current);
      const changed = next.functions.filter((fn) => before.get(fn.logicalId) !== JSON.stringify(fn));
      const gone = current.functions.filter((fn) => !next.functions.some((other) => other.logicalId === fn.logicalId));
      // The new versions start before the old ones stop: when one cannot start, the last good
      // version keeps serving and `current` stays as it was, so the next save is tried again.
      const fresh = await startAll(changed);
      const replaced = [...gone, ...changed].flatMap((fn) => {
        const served = functions.get(fn.logicalId);
        functions.delete(fn.logicalId);
        return served ? [served] : [];
      });
      for (const [id, served] of fresh) functions.set(id, served);
      await Promise.all(replaced.map(stop));
      current = next;
      return changes;
    },
    async close() {
      const all = [...functions.values()];
      functions.clear();
      await Promise.all(all.map(stop));
    },
  };
}
