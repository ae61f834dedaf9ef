// The entry of a function instance, playing the part of Lambda's Node.js runtime. In a worker
// thread of the local API it takes invocations as messages; in a process whose environment names
// AWS_LAMBDA_RUNTIME_API it serves that Lambda Runtime API, as the runtime's own client does (the
// runtime-client tests run it so, beside the real one). build-runtime.ts bundles this file, so it
// runs without a TypeScript loader.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { InstanceMessage, InstanceSetup, InvocationRequest } from './instance-messages';
import { pollRuntimeApi, postInitError } from './poll-runtime-api';
import { startFunctionRuntime } from './start-function-runtime';

const writeLine = (line: string): void => void process.stdout.write(line);

// A worker's stdout reaches the local API on a channel of its own, which may deliver after the
// result's message: once this write's callback runs, the local API holds every line written
// before it, so the invocation's lines (LogType Tail, the invoke command) come before its outcome.
const flushLines = (): Promise<void> => new Promise((resolve) => process.stdout.write('', () => resolve()));

async function serveMessages(port: MessagePort): Promise<void> {
  const setup = workerData as InstanceSetup;
  if (setup.sourceMaps) process.setSourceMapsEnabled(true);
  const post = (message: InstanceMessage) => port.postMessage(message);
  const runtime = await startFunctionRuntime(process.env, writeLine);
  if (!runtime.ok) {
    post({ type: 'init-error', error: runtime.error });
    return;
  }
  port.on('message', (request: InvocationRequest) => {
    void runtime.invoke(request).then(async (result) => {
      await flushLines();
      const { awsRequestId } = request;
      post(
        result.kind === 'response'
          ? { type: 'result', awsRequestId, payload: result.payload }
          : { type: 'error', awsRequestId, error: result.error },
      );
    });
  });
  post({ type: 'ready' });
}

async function serveRuntimeApi(address: string): Promise<void> {
  const runtime = await startFunctionRuntime(process.env, writeLine);
  if (runtime.ok) await pollRuntimeApi(address, runtime);
  else {
    await postInitError(address, runtime.error);
    // The runtime's process ends after a failed init; Lambda starts a fresh one for the next invocation.
    process.exit(1);
  }
}

if (parentPort) void serveMessages(parentPort);
else if (process.env.AWS_LAMBDA_RUNTIME_API) void serveRuntimeApi(process.env.AWS_LAMBDA_RUNTIME_API);
else throw new Error('Run as a worker of the local API, or with AWS_LAMBDA_RUNTIME_API naming a Lambda Runtime API (host:port).');
