import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describeReachableUrl, isLoopback } from '../local-functions/describe-address';
import { createRequestHandler } from './handle-request';
import { createGateways } from '../gateways/create-gateways';
import { API_GATEWAY_LIMITS, type Limits } from '../gateways/limits';
import { listenHttp, type ListeningServer } from './listen-http';
import { consoleLogger, type Logger } from '../console/logger';
import type { TemplateHttpRoute } from '../sam-model/read-http-apis';
import type { SamTemplate, TemplateRoute } from '../sam-model/read-template';
import { createFunctionUrlServers } from './serve-function-urls';
import { describeRouteChanges } from './describe-route-changes';
import { listenLambdaService, type LambdaService } from '../lambda-service/listen-lambda-service';
import { checkPortsFree } from '../local-functions/check-ports';
import { startFunctions, type FunctionsOptions } from '../local-functions/start-functions';
import { describeAuth } from './command-line/describe-auth';

export interface LocalApiOptions extends FunctionsOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Loopback unless asked: the functions run with the caller's rights. */
  host?: string;
  /** Where bundles go; `.build/local-api` beside the template by default. */
  buildDir?: string;
  limits?: Partial<Limits>;
  logger?: Logger;
  /** Also serve the Lambda Invoke API (start-lambda) on this port, with the same instances; 0 picks a free port. */
  lambdaPort?: number;
  /** `--disable-authorizer`: routes are served as if no authorizer guarded them. */
  disableAuthorizer?: boolean;
  /** `--refuse-unchecked-auth`: routes under AWS_IAM, Cognito or JWT auth answer 401 instead of being let through. */
  refuseUncheckedAuth?: boolean;
  /** `--ssl-cert-file` and `--ssl-key-file` (PEM): the local API speaks HTTPS, as sam local does with them. */
  tls?: { certFile: string; keyFile: string };
  /** `--static-dir`: files served at `/`; relative to the template's folder, `public` by default, as sam local has it. */
  staticDir?: string;
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
  /** The Lambda Invoke API's address (`--lambda-port`), when it is served beside the API. */
  lambdaUrl: string | undefined;
  /** The Lambda runtimes the template names, e.g. `nodejs24.x`. */
  runtimes: string[];
  /** Where a debugger connects (`ws://...`), when the inspector is open. */
  inspectorUrl: string | undefined;
  close(): Promise<void>;
}

// setTimeout's longest delay: a request waits as long as a debugger holds its function.
const NO_TIMEOUT_MS = 2 ** 31 - 1;

/** Reads the template, builds its functions, and serves them the way `sam local start-api` lays out the URLs. */
export async function startLocalApi(options: LocalApiOptions): Promise<LocalApi> {
  const logger = options.logger ?? consoleLogger;
  const buildDir = options.buildDir ?? join(dirname(resolve(options.templatePath)), '.build', 'local-api');
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 3000;
  // Before any build: a busy port is reported at once, as the port it is, not after every function has been bundled.
  const checkPorts = async (template: SamTemplate): Promise<void> => {
    if (port === 0) return;
    const lambdaNext = options.lambdaPort === port + 1 ? ['the Lambda Invoke API'] : [];
    const urls = template.functions.filter((fn) => fn.functionUrl !== undefined).map((fn) => `the Function URL of ${fn.logicalId}`);
    await checkPortsFree(host, port, [...lambdaNext, ...urls]);
  };
  const started = await startFunctions(options, { buildDir, logger, watch: true, beforeBuild: checkPorts });
  for (const note of describeAuth(started.template(), options)) logger.info(note);
  const limits = {
    ...API_GATEWAY_LIMITS,
    ...(started.debugging ? { integrationTimeoutMs: NO_TIMEOUT_MS, httpApiTimeoutMs: NO_TIMEOUT_MS } : {}),
    ...options.limits,
  };
  const tls = options.tls && { cert: readFileSync(resolve(options.tls.certFile)), key: readFileSync(resolve(options.tls.keyFile)) };
  const template = started.template();
  const gatewayOptions = {
    disableAuthorizers: options.disableAuthorizer ?? false,
    refuseUncheckedAuth: options.refuseUncheckedAuth ?? false,
    staticDir: resolve(dirname(resolve(options.templatePath)), options.staticDir ?? 'public'),
  };
  let gateways = createGateways(template, limits, gatewayOptions);
  const handlerSetup = { functions: started.functions, limits, logger };
  // Function URLs take the ports after the main one, stepping over the Lambda Invoke API's when it is next to it.
  const firstUrlPort = port === 0 ? 0 : port + (options.lambdaPort === port + 1 ? 2 : 1);
  const functionUrls = createFunctionUrlServers(handlerSetup, { host, firstPort: firstUrlPort, tls });
  let served = template;
  started.onReplaced(async (next) => {
    const changes = describeRouteChanges(served, next);
    served = next;
    gateways = createGateways(next, limits, gatewayOptions);
    return { changes, notes: await functionUrls.sync(gateways.functionUrls) };
  });

  let main: ListeningServer | undefined;
  let lambda: LambdaService | undefined;
  try {
    main = await listenHttp(createRequestHandler({ ...handlerSetup, gateways: () => gateways.main }), { port, host, tls }, limits, logger);
    await functionUrls.sync(gateways.functionUrls);
    if (options.lambdaPort !== undefined) lambda = await listenLambdaService(started.functions, { port: options.lambdaPort, host }, logger);
  } catch (error) {
    await Promise.all([started.close(), functionUrls.close(), main?.close(), lambda?.close()]);
    throw error;
  }
  const { address } = main;

  return {
    url: describeReachableUrl(address, main.scheme),
    exposed: !isLoopback(address.address),
    routes: template.routes,
    httpRoutes: template.httpRoutes,
    functionUrls: () => functionUrls.urls(),
    lambdaUrl: lambda && describeReachableUrl(lambda.address),
    runtimes: started.runtimes(),
    inspectorUrl: started.inspectorUrl,
    async close() {
      // The functions first: that waits for a reload in progress, which may still sync the Function URLs' servers.
      await Promise.all([main.close(), lambda?.close(), started.close()]);
      await functionUrls.close();
    },
  };
}
