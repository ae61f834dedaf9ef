import { parseArgs } from 'node:util';
import { describeStartFailure } from './describe-start-failure';
import { isLoopback } from './describe-address';
import type { InspectTarget } from './open-inspector';
import { parseParameterOverrides } from '../sam-model/parse-parameter-overrides';
import type { RouteAuthorizer } from '../sam-model/read-template';
import { startLocalApi, type LocalApi, type LocalApiOptions } from './start-local-api';
import { describeDockerOnlyFlags, dockerOnlyOptions } from './command-line/docker-only-flags';
import { mergeSamconfig } from './command-line/merge-samconfig';
import { readSamconfig } from './command-line/read-samconfig';

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
  --debug-port, -d PORT      The same as --inspect=PORT, as sam local spells it
  --static-dir, -s DIR       Files served at / ahead of the APIs (default public, beside the template)
  --ssl-cert-file FILE       Serve HTTPS with this PEM certificate (with --ssl-key-file), as sam local does
  --ssl-key-file FILE        The certificate's PEM private key
  --warm-containers MODE     EAGER starts an instance of every function at start; LAZY on first use (the default)
  --config-file FILE         SAM CLI configuration (default samconfig.toml here): its
  --config-env ENV           [ENV.local_start_api.parameters] (ENV default: default) fill in flags not given
  --disable-authorizer       Serve every route as if no authorizer guarded it, as sam local does
  --refuse-unchecked-auth    Answer 401 on routes under auth that cannot be checked offline (AWS_IAM,
                             Cognito, JWT) instead of letting them through
sam local's Docker-only flags (--docker-network, --skip-pull-image, --container-host, -v, ...) are accepted
with a note that they have no effect here.`;

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

// The local API's own flags. No defaults here: a flag left out may come from samconfig.toml.
const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  template: { type: 'string', short: 't' },
  'max-instances': { type: 'string' },
  'concurrency-per-instance': { type: 'string' },
  'env-vars': { type: 'string', short: 'n' },
  'parameter-overrides': { type: 'string', multiple: true },
  inspect: { type: 'string' },
  'debug-port': { type: 'string', short: 'd' },
  'static-dir': { type: 'string', short: 's' },
  'ssl-cert-file': { type: 'string' },
  'ssl-key-file': { type: 'string' },
  'warm-containers': { type: 'string' },
  'disable-authorizer': { type: 'boolean' },
  'refuse-unchecked-auth': { type: 'boolean' },
} as const;

function readWarmContainers(value: string | undefined): LocalApiOptions['warmContainers'] {
  if (value === undefined) return undefined;
  const mode = value.toUpperCase();
  if (mode === 'EAGER' || mode === 'LAZY') return mode;
  throw new Error(`--warm-containers: EAGER or LAZY, not ${value}`);
}

function readOptions() {
  // parseArgs has no optional values: a bare --inspect means the inspector's usual port.
  const args = process.argv.slice(2).map((arg) => (arg === '--inspect' ? `--inspect=${DEFAULT_INSPECT_PORT}` : arg));
  const { values: given } = parseArgs({
    args,
    options: {
      ...OPTIONS,
      ...dockerOnlyOptions(),
      'config-env': { type: 'string' },
      'config-file': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  // Flags win over PORT, and PORT over samconfig.toml.
  const withPort = { ...given, ...(given.port === undefined && process.env.PORT !== undefined ? { port: process.env.PORT } : {}) };
  const config = readSamconfig(given['config-file'], given['config-env']);
  const { values, notes } = mergeSamconfig(withPort, config, { ...OPTIONS, ...dockerOnlyOptions() });
  const text = (flag: keyof typeof OPTIONS): string | undefined => (typeof values[flag] === 'string' ? values[flag] : undefined);
  const dockerOnly = Object.keys(dockerOnlyOptions()).filter((flag) => values[flag] !== undefined && values[flag] !== false);
  notes.push(...describeDockerOnlyFlags(dockerOnly));

  const port = Number(text('port') ?? 3000);
  const maxInstances = text('max-instances') === undefined ? undefined : Number(text('max-instances'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${text('port')}`);
  if (maxInstances !== undefined && !(Number.isInteger(maxInstances) && maxInstances > 0))
    throw new Error('--max-instances wants a positive integer');
  const perInstance = text('concurrency-per-instance');
  const concurrencyPerInstance = perInstance === undefined ? undefined : Number(perInstance);
  if (concurrencyPerInstance !== undefined && !(Number.isInteger(concurrencyPerInstance) && concurrencyPerInstance > 0))
    throw new Error('--concurrency-per-instance wants a positive integer');
  const inspect = readInspectTarget(text('inspect'), text('debug-port'));
  const certFile = text('ssl-cert-file');
  const keyFile = text('ssl-key-file');
  if ((certFile === undefined) !== (keyFile === undefined)) throw new Error('--ssl-cert-file and --ssl-key-file go together');
  const envVarsPath = text('env-vars');
  const staticDir = text('static-dir');
  const warmContainers = readWarmContainers(text('warm-containers'));
  const overrides = values['parameter-overrides'];
  const options: LocalApiOptions & { host: string; port: number } = {
    port,
    host: text('host') ?? '127.0.0.1',
    templatePath: text('template') ?? 'template.yaml',
    parameterOverrides: parseParameterOverrides(Array.isArray(overrides) ? overrides.map(String) : []),
    disableAuthorizer: values['disable-authorizer'] === true,
    refuseUncheckedAuth: values['refuse-unchecked-auth'] === true,
    ...(staticDir === undefined ? {} : { staticDir }),
    ...(certFile === undefined || keyFile === undefined ? {} : { tls: { certFile, keyFile } }),
    ...(warmContainers === undefined ? {} : { warmContainers }),
    ...(maxInstances === undefined ? {} : { maxInstances }),
    ...(concurrencyPerInstance === undefined ? {} : { concurrencyPerInstance }),
    ...(envVarsPath === undefined ? {} : { envVarsPath }),
    ...(inspect === undefined ? {} : { inspect }),
  };
  return { help: given.help, options, notes, configFile: config.file };
}

// `  [authorizer TokenAuth]` after a guarded route in the banner.
const describeGuard = (authorizer: RouteAuthorizer): string => (authorizer ? `  [authorizer ${authorizer.name}]` : '');

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

async function main(): Promise<void> {
  const { help, options, notes, configFile } = readOptions();
  if (help) {
    console.log(USAGE);
    return;
  }
  if (configFile) console.log(`Options from ${configFile} [local_start_api] where the command line gives none.`);
  for (const note of notes) console.log(note);
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
      `  ${route.method.padEnd(6)} ${api.url}${route.path}  ->  ${route.functionId}${describeGuard(route.authorizer)}${example === route.path ? '' : `   e.g. curl ${api.url}${example}`}`,
    );
  }
  for (const route of api.httpRoutes) {
    const stage = route.api.stageName === '$default' ? '' : `/${route.api.stageName}`;
    const path = route.path === '$default' ? '/*  ($default route)' : route.path;
    console.log(
      `  ${route.method.padEnd(6)} ${api.url}${stage}${path}  ->  ${route.functionId}  (HTTP API, payload ${route.payloadFormatVersion})${describeGuard(route.authorizer)}`,
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
