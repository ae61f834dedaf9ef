import { parseArgs } from 'node:util';
import { isLoopback } from '../local-functions/describe-address';
import { describeStartFailure } from '../local-functions/describe-start-failure';
import { expandBareInspect, FUNCTION_FLAGS, FUNCTION_FLAGS_USAGE, readFunctionFlags, readPort } from '../local-functions/function-flags';
import { startLambdaService, type RunningLambdaService } from './start-lambda-service';

const USAGE = `Usage: npm run start-lambda -- [--port 3001] [--host 127.0.0.1] [--template template.yaml] [--env-vars env.json]

Serves the Lambda Invoke API like \`sam local start-lambda\`, without Docker, for the AWS SDK:
new LambdaClient({ endpoint: 'http://127.0.0.1:3001', region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }).
Functions are named by logical id. \`npm start -- --lambda-port 3001\` (make local) serves it beside the local API.

  --port PORT                The port (default 3001)
  --host ADDRESS             The address to listen on (default 127.0.0.1)
${FUNCTION_FLAGS_USAGE}`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: expandBareInspect(process.argv.slice(2)),
    options: { ...FUNCTION_FLAGS, port: { type: 'string', default: '3001' }, host: { type: 'string', default: '127.0.0.1' } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const target = { port: readPort(values.port, '--port'), host: values.host };
  let service: RunningLambdaService;
  try {
    service = await startLambdaService({ ...readFunctionFlags(values), ...target });
  } catch (error) {
    console.error(describeStartFailure(error, target, (other) => `npm run start-lambda -- --port ${other}`));
    process.exit(1);
  }
  console.log(`\nLambda Invoke API from ${values.template} on ${service.url} (no Docker, as sam local start-lambda):`);
  if (!isLoopback(values.host))
    console.log(`Warning: listening on ${values.host}, so anyone on your network can invoke these functions; keep it on 127.0.0.1.`);
  for (const id of service.functionIds()) console.log(`  ${id}`);
  console.log(`LambdaClient({ endpoint: '${service.url}', ... }) with any region and credentials. Ctrl+C stops.\n`);
  const stop = (): void => {
    void service.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
