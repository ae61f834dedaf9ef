import type { SamTemplate, TemplateFunction } from '../sam-model/read-template';
import { startBuild } from './build-functions';
import { createFunctionPool } from './function-pool';
import { createGateways, type TemplateGateways } from './gateways/create-gateways';
import type { ServedFunction } from './handle-request';
import type { Limits } from './limits';
import type { Logger } from './log-access';

export interface ServeSetup {
  buildDir: string;
  runtimePath: string;
  maxInstances: number;
  /** Overlapping invocations per instance for every function (`--concurrency-per-instance`); undefined keeps one at a time. */
  concurrencyPerInstance?: number;
  limits: Limits;
  logger: Logger;
  /** A debugger may attach: builds carry source maps and invocations have no timeout. */
  debugging: boolean;
}

/** A template's functions, built and ready to run, and its routes; replaced in place when the template changes. */
export interface ServedTemplate {
  readonly functions: ReadonlyMap<string, ServedFunction>;
  gateways(): TemplateGateways;
  template(): SamTemplate;
  runtimes(): string[];
  /** Serves `next` instead; says what changed, or undefined when no function or route did. */
  replace(next: SamTemplate): Promise<string | undefined>;
  close(): Promise<void>;
}

// `GET /items/{id} -> ItemsFunction`, `HTTP API ANY $default -> Fallback`, `URL -> UrlFunction`.
function routeKeys(template: SamTemplate): Set<string> {
  return new Set([
    ...template.routes.map((route) => `${route.method} ${route.path} -> ${route.functionId}`),
    ...template.httpRoutes.map((route) => {
      const stage = route.api.stageName === '$default' ? '' : ` (stage ${route.api.stageName})`;
      return `HTTP API ${route.method} ${route.path}${stage} -> ${route.functionId}`;
    }),
    ...template.functions.filter((fn) => fn.functionUrl).map((fn) => `Function URL -> ${fn.logicalId}`),
  ]);
}

function describeChanges(before: SamTemplate, after: SamTemplate): string | undefined {
  const old = new Map(before.functions.map((fn) => [fn.logicalId, JSON.stringify(fn)]));
  const now = new Map(after.functions.map((fn) => [fn.logicalId, JSON.stringify(fn)]));
  const oldRoutes = routeKeys(before);
  const newRoutes = routeKeys(after);
  const parts = [
    ...[...now.keys()].filter((id) => !old.has(id)).map((id) => `${id} added`),
    ...[...old.keys()].filter((id) => !now.has(id)).map((id) => `${id} removed`),
    ...[...now].filter(([id, json]) => old.has(id) && old.get(id) !== json).map(([id]) => `${id} changed`),
    ...[...newRoutes].filter((route) => !oldRoutes.has(route)).map((route) => `route ${route} added`),
    ...[...oldRoutes].filter((route) => !newRoutes.has(route)).map((route) => `route ${route} removed`),
  ];
  return parts.length === 0 ? undefined : parts.join('; ');
}

/** Builds every function of a template and serves them until the template changes or the server closes. */
export async function serveTemplate(template: SamTemplate, setup: ServeSetup): Promise<ServedTemplate> {
  const functions = new Map<string, ServedFunction>();
  let current = template;
  let gateways = createGateways(template, setup.limits);

  async function start(fn: TemplateFunction): Promise<ServedFunction> {
    const build = await startBuild(fn, setup.buildDir, setup.logger, setup.debugging);
    const pool = createFunctionPool(fn, setup.runtimePath, setup.maxInstances, {
      logger: setup.logger,
      debugging: setup.debugging,
      ...(setup.concurrencyPerInstance === undefined ? {} : { concurrencyPerInstance: setup.concurrencyPerInstance }),
    });
    return { build, pool };
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
    gateways: () => gateways,
    template: () => current,
    runtimes: () => [...new Set(current.functions.map((fn) => fn.runtime))],
    async replace(next) {
      const changes = describeChanges(current, next);
      const before = new Map(current.functions.map((fn) => [fn.logicalId, JSON.stringify(fn)]));
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
      gateways = createGateways(next, setup.limits);
      return changes;
    },
    async close() {
      const all = [...functions.values()];
      functions.clear();
      await Promise.all(all.map(stop));
    },
  };
}
