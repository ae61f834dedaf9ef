import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { startBuild } from './build-functions';
import { createClientErrorHandler } from './answer-client-error';
import { buildRuntime } from './build-runtime';
import { maxRequestHeadBytes } from './check-request-head';
import { describeReachableUrl, isLoopback } from './describe-address';
import { createFunctionPool } from './function-pool';
import { createRequestHandler, type ServedFunction } from './handle-request';
import { API_GATEWAY_LIMITS, type Limits } from './limits';
import { consoleLogger, type Logger } from './log-access';
import { compileRoutes } from './match-route';
import { readTemplate, type TemplateRoute } from '../sam-model/read-template';

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
  const functions = new Map<string, ServedFunction>();
  const builds = await Promise.allSettled(
    template.functions.map(async (fn) => {
      const build = await startBuild(fn, buildDir, logger);
      functions.set(fn.logicalId, { build, pool: createFunctionPool(fn, runtimePath, options.maxInstances ?? DEFAULT_MAX_INSTANCES) });
    }),
  );
  const failed = builds.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');

  const closeFunctions = async (): Promise<void> => {
    await Promise.all(
      [...functions.values()].map(async ({ build, pool }) => {
        await pool.close();
        await build.dispose();
      }),
    );
  };
  if (failed) {
    await closeFunctions();
    throw failed.reason;
  }

  const limits = { ...API_GATEWAY_LIMITS, ...options.limits };
  const server = createServer(
    { maxHeaderSize: maxRequestHeadBytes(limits) },
    createRequestHandler({ matchRoute: compileRoutes(template.routes), functions, limits, logger }),
  );
  server.on('clientError', createClientErrorHandler(logger));
  try {
    await new Promise<void>((listening, failedToListen) => {
      server.once('error', failedToListen);
      server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', listening);
    });
  } catch (error) {
    await closeFunctions();
    throw error;
  }
  const address = server.address() as AddressInfo;

  return {
    url: describeReachableUrl(address),
    exposed: !isLoopback(address.address),
    routes: template.routes,
    runtimes: [...new Set(template.functions.map((fn) => fn.runtime))],
    async close() {
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await Promise.all([closed, closeFunctions()]);
    },
  };
}
