import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { createClientErrorHandler } from './answer-client-error';
import { buildRuntime } from './build-runtime';
import { maxRequestHeadBytes } from './check-request-head';
import { describeReachableUrl, isLoopback } from './describe-address';
import { createRequestHandler } from './handle-request';
import { API_GATEWAY_LIMITS, type Limits } from './limits';
import { consoleLogger, type Logger } from './log-access';
import { readTemplate, type TemplateRoute } from '../sam-model/read-template';
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
}

export interface LocalApi {
  /** `http://127.0.0.1:3000`, without a trailing slash; loopback when it listens on 0.0.0.0 or ::. */
  url: string;
  /** Listening beyond loopback: other machines can call the functions. */
  exposed: boolean;
  routes: TemplateRoute[];
  /** The Lambda runtimes the template names, e.g. `nodejs24.x`. */
  runtimes: string[];
  close(): Promise<void>;
}

const DEFAULT_MAX_INSTANCES = 4;

/** Reads the template, builds its functions, and serves them the way `sam local start-api` lays out the URLs. */
export async function startLocalApi(options: LocalApiOptions): Promise<LocalApi> {
  const logger = options.logger ?? consoleLogger;
  const templatePath = resolve(options.templatePath);
  const buildDir = resolve(options.buildDir ?? join(dirname(templatePath), '.build', 'local-api'));
  const template = readTemplate(templatePath);
  for (const warning of template.warnings) logger.error(`warning: ${warning}`);

  const runtimePath = await buildRuntime(buildDir);
  const served = await serveTemplate(template, {
    buildDir,
    runtimePath,
    maxInstances: options.maxInstances ?? DEFAULT_MAX_INSTANCES,
    ...(options.concurrencyPerInstance === undefined ? {} : { concurrencyPerInstance: options.concurrencyPerInstance }),
    logger,
  });
  const closeFunctions = () => served.close();
  // Re-read on every save, one at a time; a template that does not read keeps the last one served.
  let reloading = Promise.resolve();
  const stopWatching = watchTemplate(templatePath, () => {
    reloading = reloading.then(async () => {
      const name = basename(templatePath);
      try {
        const next = readTemplate(templatePath);
        const changes = await served.replace(next);
        if (changes) logger.info(`${name} changed: ${changes}`);
        for (const warning of next.warnings) logger.error(`warning: ${warning}`);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        logger.error(`${name} changed but cannot be served; still serving the last version:\n${reason.trimEnd()}`);
      }
    });
  });

  const limits = { ...API_GATEWAY_LIMITS, ...options.limits };
  const server = createServer(
    { maxHeaderSize: maxRequestHeadBytes(limits) },
    createRequestHandler({ matchRoute: served.matchRoute, functions: served.functions, limits, logger }),
  );
  server.on('clientError', createClientErrorHandler(logger));
  try {
    await new Promise<void>((listening, failedToListen) => {
      server.once('error', failedToListen);
      server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', listening);
    });
  } catch (error) {
    stopWatching();
    await closeFunctions();
    throw error;
  }
  const address = server.address() as AddressInfo;

  return {
    url: describeReachableUrl(address),
    exposed: !isLoopback(address.address),
    routes: template.routes,
    runtimes: served.runtimes(),
    async close() {
      stopWatching();
      await reloading;
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await Promise.all([closed, closeFunctions()]);
    },
  };
}
