// The entry of a function instance (a worker thread), playing the part of Lambda's Node.js
// runtime: load the handler once (the init phase), then run one invocation per message.
// build-runtime.ts bundles this file, so it runs without a TypeScript loader.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { randomBytes } from 'node:crypto';
import type { ErrorReport, InstanceMessage, InstanceSetup, InvokeMessage } from './instance-messages';

type Handler = (event: unknown, context: unknown) => unknown;

const setup = workerData as InstanceSetup;
const port = parentPort;

function post(message: InstanceMessage): void {
  port?.postMessage(message);
}

function reportOf(error: unknown, fallbackType: string): ErrorReport {
  if (error instanceof Error) return { errorType: error.name || fallbackType, errorMessage: error.message };
  return { errorType: fallbackType, errorMessage: String(error) };
}

class RuntimeError extends Error {
  constructor(type: string, message: string) {
    super(message);
    this.name = type;
  }
}

// Lambda's Node.js runtime looks for the handler's module as .js, .mjs, then .cjs.
async function loadHandler(): Promise<Handler> {
  const dot = setup.handler.lastIndexOf('.');
  const moduleName = setup.handler.slice(0, dot);
  const exportName = setup.handler.slice(dot + 1);
  const file = ['.js', '.mjs', '.cjs'].map((ext) => join(setup.artifactDir, moduleName + ext)).find((candidate) => existsSync(candidate));
  if (!file) throw new RuntimeError('Runtime.ImportModuleError', `Error: Cannot find module '${moduleName}'`);
  const loaded: unknown = file.endsWith('.mjs') ? await import(pathToFileURL(file).href) : createRequire(file)(file);
  const handler = (loaded as Record<string, unknown> | undefined)?.[exportName];
  if (typeof handler !== 'function') {
    throw new RuntimeError('Runtime.HandlerNotFound', `${moduleName}.${exportName} is undefined or not exported`);
  }
  return handler as Handler;
}

function createContext(message: InvokeMessage): Record<string, unknown> {
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: setup.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${setup.region}:000000000000:function:${setup.functionName}`,
    // The Node.js runtime hands the memory size over as a string.
    memoryLimitInMB: String(setup.memorySize),
    awsRequestId: message.awsRequestId,
    logGroupName: `/aws/lambda/${setup.functionName}`,
    logStreamName: `${day}/[$LATEST]${randomBytes(16).toString('hex')}`,
    getRemainingTimeInMillis: () => Math.max(0, message.deadlineMs - Date.now()),
  };
}

async function invoke(handler: Handler, message: InvokeMessage): Promise<void> {
  try {
    const result = await handler(message.event, createContext(message));
    // The runtime sends the result as JSON; `undefined` arrives as null.
    post({ type: 'result', payload: JSON.stringify(result) ?? 'null' });
  } catch (error) {
    post({ type: 'error', error: reportOf(error, 'Error') });
  }
}

async function start(): Promise<void> {
  if (setup.sourceMaps) process.setSourceMapsEnabled(true);
  let handler: Handler;
  try {
    handler = await loadHandler();
  } catch (error) {
    post({ type: 'init-error', error: reportOf(error, 'Runtime.ImportModuleError') });
    return;
  }
  port?.on('message', (message: InvokeMessage) => void invoke(handler, message));
  post({ type: 'ready' });
}

void start();
