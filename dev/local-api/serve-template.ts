import type { SamTemplate, TemplateFunction } from '../sam-model/read-template';
import { startBuild } from '../sam-build/build-functions';
import { createFunctionPool } from '../lambda-runtime/function-pool';
import { createGateways, type GatewayOptions, type TemplateGateways } from '../gateways/create-gateways';
import type { ServedFunction } from './handle-request';
import type { Limits } from '../gateways/limits';
import type { Logger } from '../console/logger';

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
  /** Whether authorizers run (`--disable-authorizer`), and what unchecked auth does. */
  gatewayOptions?: GatewayOptions;
  /** `--warm-containers EAGER`: an instance of each function starts with it, not on its first request. */
  warmContainers?: 'EAGER' | 'LAZY';
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
  let gateways = createGateways(template, setup.limits, setup.gatewayOptions);

  async function start(fn: TemplateFunction): Promise<void> {
    const build = await startBuild(fn, setup.buildDir, setup.logger, setup.debugging);
    const pool = createFunctionPool(fn, setup.runtimePath, setup.maxInstances, {
      logger: setup.logger,
      debugging: setup.debugging,
      ...(setup.concurrencyPerInstance === undefined ? {} : { concurrencyPerInstance: setup.concurrencyPerInstance }),
    });
    functions.set(fn.logicalId, { build, pool });
    if (setup.warmContainers === 'EAGER') await prewarm(fn.logicalId, build, pool);
  }

  async function prewarm(functionId: string, build: ServedFunction['build'], pool: ServedFunction['pool']): Promise<void> {
    const built = await build.current();
    if (!built.ok) return;
    const initError = await pool.prewarm(built.artifact);
    if (initError) setup.logger.error(`${functionId}: its instance failed to start (--warm-containers EAGER): ${initError}`);
    else setup.logger.info(`${functionId}: instance started (--warm-containers EAGER)`);
  }

  async function stop(id: string): Promise<void> {
    const served = functions.get(id);
    functions.delete(id);
    if (!served) return;
    await served.pool.close();
    await served.build.dispose();
  }

  const stopAll = () => Promise.all([...functions.keys()].map(stop));

  const started = await Promise.allSettled(template.functions.map(start));
  const failed = started.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) {
    await stopAll();
    throw failed.reason;
  }

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
      await Promise.all([...gone, ...changed].map((fn) => stop(fn.logicalId)));
      await Promise.all(changed.map(start));
      current = next;
      gateways = createGateways(next, setup.limits, setup.gatewayOptions);
      return changes;
    },
    async close() {
      await stopAll();
    },
  };
}
