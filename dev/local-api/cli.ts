import { parseArgs } from 'node:util';
import { describeStartFailure } from '../local-functions/describe-start-failure';
import { isLoopback } from '../local-functions/describe-address';
import { expandBareInspect, FUNCTION_FLAGS, FUNCTION_FLAGS_USAGE, readFunctionFlags, readPort } from '../local-functions/function-flags';
import type { InspectTarget } from '../local-functions/open-inspector';
import { startLocalApi, type LocalApi, type LocalApiOptions } from './start-local-api';

const USAGE = `Usage: npm start -- [--port 3000] [--host 127.0.0.1] [--lambda-port 3001] [--template template.yaml]
                    [--env-vars env.json] [--parameter-overrides "Name=value ..."] [--inspect[=[host:]9229]]

Serves the functions of a SAM template like \`sam local start-api\`, without Docker.
The port also comes from PORT. Binding beyond loopback (--host 0.0.0.0) exposes the functions to your network.

  --lambda-port PORT         Also serve the Lambda Invoke API there (as sam local start-lambda does), with the
                             same instances: make local serves it on 3001
${FUNCTION_FLAGS_USAGE}`;

function readOptions() {
  const { values } = parseArgs({
    args: expandBareInspect(process.argv.slice(2)),
    options: {
      ...FUNCTION_FLAGS,
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'lambda-port': { type: 'string' },
    },
  });
  const port = readPort(values.port ?? process.env.PORT ?? '3000', '--port');
  const lambdaPort = values['lambda-port'] === undefined ? undefined : readPort(values['lambda-port'], '--lambda-port');
  const options: LocalApiOptions & { host: string; port: number } = {
    ...readFunctionFlags(values),
    port,
    host: values.host,
    ...(lambdaPort === undefined ? {} : { lambdaPort }),
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

async function main(): Promise<void> {
  const { help, options } = readOptions();
  if (help) {
    console.log(USAGE);
    return;
  }
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
