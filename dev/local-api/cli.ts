import { parseArgs } from 'node:util';
import { describeStartFailure } from './describe-start-failure';
import { startLocalApi, type LocalApi } from './start-local-api';

const USAGE = `Usage: npm start -- [--port 3000] [--host 127.0.0.1] [--template template.yaml] [--max-instances 4]

Serves the functions of a SAM template like \`sam local start-api\`, without Docker.
--concurrency-per-instance N gives every instance up to N overlapping invocations, as Lambda Managed Instances
do (functions with CapacityProviderConfig get this from the template), so state shared between requests shows.
The port also comes from PORT. Binding beyond loopback (--host 0.0.0.0) exposes the functions to your network.`;

function readOptions() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      template: { type: 'string', default: 'template.yaml' },
      'max-instances': { type: 'string' },
      'concurrency-per-instance': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const maxInstances = values['max-instances'] === undefined ? undefined : Number(values['max-instances']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${values.port ?? process.env.PORT}`);
  if (maxInstances !== undefined && !(Number.isInteger(maxInstances) && maxInstances > 0))
    throw new Error('--max-instances wants a positive integer');
  const perInstance = values['concurrency-per-instance'];
  const concurrencyPerInstance = perInstance === undefined ? undefined : Number(perInstance);
  if (concurrencyPerInstance !== undefined && !(Number.isInteger(concurrencyPerInstance) && concurrencyPerInstance > 0))
    throw new Error('--concurrency-per-instance wants a positive integer');
  return { help: values.help, port, host: values.host, templatePath: values.template, maxInstances, concurrencyPerInstance };
}

async function main(): Promise<void> {
  const { help, maxInstances, concurrencyPerInstance, ...options } = readOptions();
  if (help) {
    console.log(USAGE);
    return;
  }
  let api: LocalApi;
  try {
    api = await startLocalApi({
      ...options,
      ...(maxInstances === undefined ? {} : { maxInstances }),
      ...(concurrencyPerInstance === undefined ? {} : { concurrencyPerInstance }),
    });
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
