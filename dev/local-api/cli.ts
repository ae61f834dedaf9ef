import { parseArgs, type ParseArgsConfig } from 'node:util';
import { describeStartFailure } from './describe-start-failure';
import { isLoopback } from './describe-address';
import { explainArguments } from './explain-arguments';
import type { InspectTarget } from './open-inspector';
import { parseParameterOverrides } from './parse-parameter-overrides';
// Types only: the server (esbuild, the template reader, the gateways) loads once the options are read, so --help and a mistyped flag answer at once.
import type { LocalApi, LocalApiOptions } from './start-local-api';

const USAGE = `Usage: npm start -- [--port 3000] [--host 127.0.0.1] [--template template.yaml] [--max-instances 4]
                    [--env-vars env.json] [--parameter-overrides "Name=value ..."] [--inspect[=[host:]9229]]

Serves the functions of a SAM template like \`sam local start-api\`, without Docker.
--concurrency-per-instance N gives every instance up to N overlapping invocations, as Lambda Managed Instances
do (functions with CapacityProviderConfig get this from the template), so state shared between requests shows.
The port also comes from PORT. Binding beyond loopback (--host 0.0.0.0) exposes the functions to your network.

  --env-vars, -n FILE        Environment variables in sam local's format:
                             {"Parameters": {"NAME": "value"}, "MyFunction": {"NAME": "value"}}
  --parameter-overrides TEXT Template parameter values: "Name=value" or
                             "ParameterKey=Name,ParameterValue=value", space-separated or repeated
  --inspect[=[host:]port]    Open the Node.js inspector (default 127.0.0.1:9229) and attach a debugger:
                             the functions are built with source maps and have no timeout
  --debug-port, -d PORT      The same as --inspect=PORT, as sam local spells it`;

const DEFAULT_INSPECT_PORT = 9229;

function readPort(text: string, flag: string): number {
  const port = Number(text);
  if (text.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${flag}: not a port: ${text}`);
  return port;
}

// `--inspect`, `--inspect=9230` or `--inspect=127.0.0.1:9230`, as node itself takes them.
function readInspectTarget(inspect: string | undefined, debugPort: string | undefined): InspectTarget | undefined {
  if (debugPort !== undefined) return { host: '127.0.0.1', port: readPort(debugPort, '--debug-port') };
  if (inspect === undefined) return undefined;
  const colon = inspect.lastIndexOf(':');
  if (colon < 0) return { host: '127.0.0.1', port: readPort(inspect, '--inspect') };
  return { host: inspect.slice(0, colon), port: readPort(inspect.slice(colon + 1), '--inspect') };
}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string', default: '127.0.0.1' },
  template: { type: 'string', default: 'template.yaml' },
  'max-instances': { type: 'string' },
  'concurrency-per-instance': { type: 'string' },
  'env-vars': { type: 'string', short: 'n' },
  'parameter-overrides': { type: 'string', multiple: true },
  inspect: { type: 'string' },
  'debug-port': { type: 'string', short: 'd' },
  help: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

function readOptions() {
  // parseArgs has no optional values: a bare --inspect means the inspector's usual port.
  const args = process.argv.slice(2).map((arg) => (arg === '--inspect' ? `--inspect=${DEFAULT_INSPECT_PORT}` : arg));
  const { values } = parseArgs({ args, options: OPTIONS });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const maxInstances = values['max-instances'] === undefined ? undefined : Number(values['max-instances']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${values.port ?? process.env.PORT}`);
  if (maxInstances !== undefined && !(Number.isInteger(maxInstances) && maxInstances > 0))
    throw new Error('--max-instances wants a positive integer');
  const perInstance = values['concurrency-per-instance'];
  const concurrencyPerInstance = perInstance === undefined ? undefined : Number(perInstance);
  if (concurrencyPerInstance !== undefined && !(Number.isInteger(concurrencyPerInstance) && concurrencyPerInstance > 0))
    throw new Error('--concurrency-per-instance wants a positive integer');
  const inspect = readInspectTarget(values.inspect, values['debug-port']);
  const envVarsPath = values['env-vars'];
  const options: LocalApiOptions & { host: string; port: number } = {
    port,
    host: values.host,
    templatePath: values.template,
    parameterOverrides: parseParameterOverrides(values['parameter-overrides'] ?? []),
    ...(maxInstances === undefined ? {} : { maxInstances }),
    ...(concurrencyPerInstance === undefined ? {} : { concurrencyPerInstance }),
    ...(envVarsPath === undefined ? {} : { envVarsPath }),
    ...(inspect === undefined ? {} : { inspect }),
  };
  return { help: values.help, options };
}

/** How to attach, printed with the banner; the README shows the VS Code configuration. */
function describeDebugger(url: string, inspect: InspectTarget | undefined): string[] {
  const port = new URL(url).port;
  const lines = [
    `Debugger: listening on ${url}. In VS Code, run "Attach to the local API" (.vscode/launch.json) or any Node.js attach`,
    `  configuration on port ${port}: each function instance shows as a worker thread, and breakpoints in your .ts files`,
    '  bind through source maps. Function timeouts are off while debugging.',
  ];
  if (inspect && !isLoopback(inspect.host))
    lines.push(`Warning: the debugger listens on ${inspect.host}; anyone who reaches it can run code as you. Keep it on 127.0.0.1.`);
  return lines;
}

// A command line that did not parse, or flags npm kept for itself: the fix, then the usage.
function readOptionsOrExplain(): ReturnType<typeof readOptions> {
  const args = process.argv.slice(2);
  const names = Object.keys(OPTIONS);
  let read: ReturnType<typeof readOptions>;
  try {
    read = readOptions();
  } catch (error) {
    const fix = explainArguments(args, process.env, names, error);
    if (fix === undefined) throw error;
    console.error(`${fix}\n\n${USAGE}`);
    process.exit(1);
  }
  const fix = explainArguments(args, process.env, names);
  if (fix !== undefined) {
    console.error(`${fix}\n\n${USAGE}`);
    process.exit(1);
  }
  return read;
}

async function main(): Promise<void> {
  const { help, options } = readOptionsOrExplain();
  if (help) {
    console.log(USAGE);
    return;
  }
  const { startLocalApi } = await import('./start-local-api.js');
  let api: LocalApi;
  try {
    api = await startLocalApi(options);
  } catch (error) {
    console.error(describeStartFailure(error, options));
    process.exit(1);
  }
  console.log(
    `\nLocal API from ${options.templatePath} on ${api.url} (no Docker; REST API routes without their stage prefix, as with sam local start-api)`,
  );
  // On stdout with the rest of the banner, so it stays next to the URLs it qualifies.
  if (api.exposed)
    console.log(
      `Warning: listening on ${options.host}, so anyone on your network can call these functions; this is a development server, keep it on 127.0.0.1 unless you mean to share it.`,
    );
  for (const route of api.routes) {
    const example = route.path.replace(/\{[^/]+\+\}$/, 'ping');
    console.log(
      `  ${route.method.padEnd(6)} ${api.url}${route.path}  ->  ${route.functionId}${example === route.path ? '' : `   e.g. curl ${api.url}${example}`}`,
    );
  }
  for (const route of api.httpRoutes) {
    const stage = route.api.stageName === '$default' ? '' : `/${route.api.stageName}`;
    const path = route.path === '$default' ? '/*  ($default route)' : route.path;
    console.log(
      `  ${route.method.padEnd(6)} ${api.url}${stage}${path}  ->  ${route.functionId}  (HTTP API, payload ${route.payloadFormatVersion})`,
    );
  }
  for (const [functionId, url] of api.functionUrls())
    console.log(`  ANY    ${url}/*  ->  ${functionId}  (Function URL, a port of its own)`);
  const localMajor = process.versions.node.split('.')[0];
  const runtimes = new Set(api.runtimes.filter((runtime) => runtime !== `nodejs${localMajor}.x`));
  if (runtimes.size > 0)
    console.log(`Note: the functions run on this Node.js ${process.versions.node}, not on ${[...runtimes].join(', ')}.`);
  if (api.inspectorUrl) for (const line of describeDebugger(api.inspectorUrl, options.inspect)) console.log(line);
  console.log('Edit a source file and the next request runs the rebuilt code. Ctrl+C stops.\n');

  const stop = (): void => {
    void api.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
