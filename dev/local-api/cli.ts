import { parseArgs } from 'node:util';
import { describeStartFailure } from '../local-functions/describe-start-failure';
import { isLoopback } from '../local-functions/describe-address';
import {
  expandBareInspect,
  FUNCTION_FLAGS,
  FUNCTION_FLAGS_USAGE,
  readFunctionFlags,
  readPort,
  type FunctionFlagValues,
} from '../local-functions/function-flags';
import type { InspectTarget } from '../local-functions/open-inspector';
import type { RouteAuthorizer } from '../sam-model/read-template';
import { explainArguments } from './explain-arguments';
// Types only: the server (esbuild, the template reader, the gateways) loads once the options are read, so --help and a mistyped flag answer at once.
import type { LocalApi, LocalApiOptions } from './start-local-api';
import { describeDockerOnlyFlags, dockerOnlyOptions } from './command-line/docker-only-flags';
import { mergeSamconfig } from './command-line/merge-samconfig';
import { readSamconfig } from './command-line/read-samconfig';

const USAGE = `Usage: npm start -- [--port 3000] [--host 127.0.0.1] [--lambda-port 3001] [--template template.yaml]
                    [--env-vars env.json] [--parameter-overrides "Name=value ..."] [--inspect[=[host:]9229]]

Serves the functions of a SAM template like \`sam local start-api\`, without Docker.
The port also comes from PORT. Binding beyond loopback (--host 0.0.0.0) exposes the functions to your network.

  --lambda-port PORT         Also serve the Lambda Invoke API there (as sam local start-lambda does), with the
                             same instances: make local serves it on 3001
${FUNCTION_FLAGS_USAGE}
  --static-dir, -s DIR       Files served at / ahead of the APIs (default public, beside the template)
  --ssl-cert-file FILE       Serve HTTPS with this PEM certificate (with --ssl-key-file), as sam local does
  --ssl-key-file FILE        The certificate's PEM private key
  --config-file FILE         SAM CLI configuration (default samconfig.toml here): its
  --config-env ENV           [ENV.local_start_api.parameters] (ENV default: default) fill in flags not given
  --disable-authorizer       Serve every route as if no authorizer guarded it, as sam local does
  --refuse-unchecked-auth    Answer 401 on routes under auth that cannot be checked offline (AWS_IAM,
                             Cognito, JWT) instead of letting them through
sam local's Docker-only flags (--docker-network, --skip-pull-image, --container-host, -v, ...) are accepted
with a note that they have no effect here.`;

// The local API's flags: the shared ones without their defaults (a flag left out may come from
// samconfig.toml), and its own.
const OPTIONS = {
  ...FUNCTION_FLAGS,
  template: { type: 'string', short: 't' },
  help: { type: 'boolean' },
  port: { type: 'string' },
  host: { type: 'string' },
  'lambda-port': { type: 'string' },
  'static-dir': { type: 'string', short: 's' },
  'ssl-cert-file': { type: 'string' },
  'ssl-key-file': { type: 'string' },
  'disable-authorizer': { type: 'boolean' },
  'refuse-unchecked-auth': { type: 'boolean' },
} as const;

function readOptions() {
  // parseArgs has no optional values: a bare --inspect means the inspector's usual port.
  const { values: given } = parseArgs({
    args: expandBareInspect(process.argv.slice(2)),
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

  const port = readPort(text('port') ?? '3000', '--port');
  const lambdaPortText = text('lambda-port');
  const lambdaPort = lambdaPortText === undefined ? undefined : readPort(lambdaPortText, '--lambda-port');
  const certFile = text('ssl-cert-file');
  const keyFile = text('ssl-key-file');
  if ((certFile === undefined) !== (keyFile === undefined)) throw new Error('--ssl-cert-file and --ssl-key-file go together');
  const staticDir = text('static-dir');
  // The shared flags, as merged with samconfig.toml: only those given (or configured).
  const functionFlags = Object.fromEntries(
    Object.keys(FUNCTION_FLAGS).flatMap((flag) => (values[flag] === undefined ? [] : [[flag, values[flag]]])),
  );
  const options: LocalApiOptions & { host: string; port: number } = {
    ...readFunctionFlags({ ...functionFlags, template: text('template') ?? 'template.yaml' } as FunctionFlagValues),
    port,
    host: text('host') ?? '127.0.0.1',
    ...(lambdaPort === undefined ? {} : { lambdaPort }),
    disableAuthorizer: values['disable-authorizer'] === true,
    refuseUncheckedAuth: values['refuse-unchecked-auth'] === true,
    ...(staticDir === undefined ? {} : { staticDir }),
    ...(certFile === undefined || keyFile === undefined ? {} : { tls: { certFile, keyFile } }),
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

// A command line that did not parse, or flags npm kept for itself: the fix, then the usage.
function readOptionsOrExplain(): ReturnType<typeof readOptions> {
  const args = process.argv.slice(2);
  const names = [...Object.keys(OPTIONS), ...Object.keys(dockerOnlyOptions()), 'config-env', 'config-file'];
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
  const { help, options, notes, configFile } = readOptionsOrExplain();
  if (help) {
    console.log(USAGE);
    return;
  }
  const { startLocalApi } = await import('./start-local-api.js');
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
  if (api.lambdaUrl)
    console.log(`  Lambda Invoke API on ${api.lambdaUrl} (as sam local start-lambda): new LambdaClient({ endpoint: '${api.lambdaUrl}' })`);
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
