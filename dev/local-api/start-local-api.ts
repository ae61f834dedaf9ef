import { basename, dirname, join, resolve } from 'node:path';
import { buildRuntime } from './build-runtime';
import { checkPortsFree } from './check-ports';
import { describeReachableUrl, isLoopback } from './describe-address';
import { createRequestHandler } from './handle-request';
import { API_GATEWAY_LIMITS, type Limits } from './limits';
import { listenHttp, type ListeningServer } from './listen-http';
import { consoleLogger, type Logger } from './log-access';
import type { TemplateHttpRoute } from '../sam-model/read-http-apis';
import { openInspector, type InspectTarget } from './open-inspector';
import { overrideEnvironment } from './override-environment';
import { readEnvVarsFile } from './read-env-vars-file';
import { readTemplate, type SamTemplate, type TemplateRoute } from '../sam-model/read-template';
import { createFunctionUrlServers } from './serve-function-urls';
import { serveTemplate } from './serve-template';
import { watchTemplate } from './watch-template';

export interface LocalApiOptions {
  templatePath: string;
  /** 0 picks a free port. */
  port?: number;
  /** Loopback unless asked: the functions run with the caller's rights. */
  host?: string;
  /** Where bundles go; `.build/local-api` beside the template by default. */
  buildDir?: string;
  /** Instances per function at most; further concurrent requests wait. */
  maxInstances?: number;
  /** Up to N overlapping invocations per instance for every function, as on Lambda Managed Instances. */
  concurrencyPerInstance?: number;
  limits?: Partial<Limits>;
  logger?: Logger;
  /** Values for the template's parameters instead of their defaults (`--parameter-overrides`). */
  parameterOverrides?: Readonly<Record<string, string>>;
  /** A `sam local --env-vars` file; re-read, like the template, whenever it changes. */
  envVarsPath?: string;
  /** Opens the Node.js inspector so a debugger can attach to the functions (`--inspect`). */
  inspect?: InspectTarget;
}

export interface LocalApi {
  /** `http://127.0.0.1:3000`, without a trailing slash; loopback when it listens on 0.0.0.0 or ::. */
  url: string;
  /** Listening beyond loopback: other machines can call the functions. */
  exposed: boolean;
  /** REST API routes as the template had them at start. */
  routes: TemplateRoute[];
  /** HTTP API routes as the template had them at start; a named stage is the URL's first segment. */
  httpRoutes: TemplateHttpRoute[];
  /** Each Function URL's local address by function logical id; follows template reloads. */
  functionUrls(): Map<string, string>;
  /** The Lambda runtimes the template names, e.g. `nodejs24.x`. */
  runtimes: string[];
  /** Where a debugger connects (`ws://...`), when the inspector is open. */
  inspectorUrl: string | undefined;
  close(): Promise<void>;
}

const DEFAULT_MAX_INSTANCES = 4;
// setTimeout's longest delay: a request waits as long as a debugger holds its function.
const NO_TIMEOUT_MS = 2 ** 31 - 1;

/** Reads the template, builds its functions, and serves them the way `sam local start-api` lays out the URLs. */
export async function startLocalApi(options: LocalApiOptions): Promise<LocalApi> {
  const logger = options.logger ?? consoleLogger;
  const templatePath = resolve(options.templatePath);
  const buildDir = resolve(options.buildDir ?? join(dirname(templatePath), '.build', 'local-api'));
  const envVarsPath = options.envVarsPath === undefined ? undefined : resolve(options.envVarsPath);
  // The template as served: its parameters overridden, then its functions' variables from the env vars file.
  const loadTemplate = (): SamTemplate =>
    overrideEnvironment(
      readTemplate(templatePath, { parameterOverrides: options.parameterOverrides }),
      envVarsPath === undefined ? undefined : readEnvVarsFile(envVarsPath),
    );
  const template = loadTemplate();
  for (const warning of template.warnings) logger.error(`warning: ${warning}`);

  const debugging = options.inspect !== undefined;
  const limits = {
    ...API_GATEWAY_LIMITS,
    ...(debugging ? { integrationTimeoutMs: NO_TIMEOUT_MS, httpApiTimeoutMs: NO_TIMEOUT_MS } : {}),
    ...options.limits,
  };
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 3000;
  // Before any build: a busy port is reported at once, not after every function has been bundled.
  const functionUrlIds = template.functions.filter((fn) => fn.functionUrl !== undefined).map((fn) => fn.logicalId);
  if (port !== 0) await checkPortsFree(host, port, functionUrlIds);
  const runtimePath = await buildRuntime(buildDir);
  const inspector = options.inspect && openInspector(options.inspect);
  const served = await serveTemplate(template, {
    buildDir,
    runtimePath,
    maxInstances: options.maxInstances ?? DEFAULT_MAX_INSTANCES,
    ...(options.concurrencyPerInstance === undefined ? {} : { concurrencyPerInstance: options.concurrencyPerInstance }),
    limits,
    logger,
    debugging,
  }).catch((error: unknown) => {
    inspector?.close();
    throw error;
  });
  const handlerSetup = { functions: served.functions, limits, logger };
  const functionUrls = createFunctionUrlServers(handlerSetup, { host, firstPort: port === 0 ? 0 : port + 1 });
  const closeFunctions = async () => {
    await functionUrls.close();
    await served.close();
    inspector?.close();
  };
  // Re-read on every save, one at a time; a template that does not read keeps the last one served.
  let reloading = Promise.resolve();
  // Files whose last save could not be served: the next save that can says so, even when it only undoes the mistake.
  const refused = new Set<string>();
  const reload = (changedFile: string) => {
    reloading = reloading.then(async () => {
      const name = basename(changedFile);
      try {
        const next = loadTemplate();
        const changes = await served.replace(next);
        const urlChanges = await functionUrls.sync(served.gateways().functionUrls);
        if (refused.delete(changedFile))
          logger.info(`${name} is good again and served${changes ? '' : ' (no change since the last version served)'}`);
        if (changes) logger.info(`${name} changed: ${changes}`);
        for (const change of urlChanges) logger.info(change);
        for (const warning of next.warnings) logger.error(`warning: ${warning}`);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        refused.add(changedFile);
        logger.error(`${name} changed but cannot be served; still serving the last version:\n${reason.trimEnd()}`);
      }
    });
  };
  const watchers = [templatePath, ...(envVarsPath === undefined ? [] : [envVarsPath])].map((file) =>
    watchTemplate(file, () => reload(file)),
  );
  const stopWatching = () => {
    for (const stop of watchers) stop();
  };

  let main: ListeningServer | undefined;
  try {
    main = await listenHttp(
      createRequestHandler({ ...handlerSetup, gateways: () => served.gateways().main }),
      { port, host },
      limits,
      logger,
    );
    await functionUrls.sync(served.gateways().functionUrls);
  } catch (error) {
    stopWatching();
    await reloading;
    await Promise.all([closeFunctions(), main?.close()]);
    throw error;
  }
  const { address } = main;

  return {
    url: describeReachableUrl(address),
    exposed: !isLoopback(address.address),
    routes: template.routes,
    httpRoutes: template.httpRoutes,
    functionUrls: () => functionUrls.urls(),
    runtimes: served.runtimes(),
    inspectorUrl: inspector?.url,
    async close() {
      stopWatching();
      await reloading;
      await Promise.all([main.close(), closeFunctions()]);
    },
  };
}
