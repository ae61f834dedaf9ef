// The entry of a function instance (a worker thread), playing the part of Lambda's Node.js
// runtime: load the handler once (the init phase), then run one invocation per message.
// build-runtime.ts bundles this file, so it runs without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { createLambdaContext } from '../sam-model/create-lambda-context';
import { loadHandler, type LambdaHandler } from '../sam-model/load-handler';
import type { ErrorReport, InstanceMessage, InstanceSetup, InvokeMessage } from './instance-messages';

const setup = workerData as InstanceSetup;
const port = parentPort;
// One log stream per instance, as Lambda gives each execution environment its own.
const logStreamName = createLambdaContext({
  functionName: setup.functionName,
  memorySize: setup.memorySize,
  awsRequestId: '',
}).logStreamName;

function post(message: InstanceMessage): void {
  port?.postMessage(message);
}

function reportOf(error: unknown, fallbackType: string): ErrorReport {
  if (error instanceof Error) return { errorType: error.name || fallbackType, errorMessage: error.message };
  return { errorType: fallbackType, errorMessage: String(error) };
}

async function invoke(handler: LambdaHandler, message: InvokeMessage): Promise<void> {
  const { functionName, memorySize, region } = setup;
  const context = createLambdaContext({
    functionName,
    memorySize,
    region,
    awsRequestId: message.awsRequestId,
    deadlineMs: message.deadlineMs,
    logStreamName,
  });
  try {
    const result = await handler(message.event, context);
    // The runtime sends the result as JSON; `undefined` arrives as null.
    post({ type: 'result', payload: JSON.stringify(result) ?? 'null' });
  } catch (error) {
    post({ type: 'error', error: reportOf(error, 'Error') });
  }
}

async function start(): Promise<void> {
  if (setup.sourceMaps) process.setSourceMapsEnabled(true);
  let handler: LambdaHandler;
  try {
    handler = await loadHandler(setup.artifactDir, setup.handler);
  } catch (error) {
    post({ type: 'init-error', error: reportOf(error, 'Runtime.ImportModuleError') });
    return;
  }
  port?.on('message', (message: InvokeMessage) => void invoke(handler, message));
  post({ type: 'ready' });
}

void start();
