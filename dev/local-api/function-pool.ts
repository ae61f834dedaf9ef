import { Worker } from 'node:worker_threads';
import type { Artifact } from './build-functions';
import type { ErrorReport, InstanceMessage, InstanceSetup, InvokeMessage } from './instance-messages';
import type { TemplateFunction } from '../sam-model/read-template';

type RunOutcome = { ok: true; payload: string } | { ok: false; reason: string };

/** The function's JSON result, or why there is none; and whether a fresh instance served it. */
export type InvocationOutcome = RunOutcome & { coldStart: boolean };

/** The instances of one function: one invocation at a time each, more of them for concurrent requests. */
export interface FunctionPool {
  invoke(artifact: Artifact, event: unknown, awsRequestId: string): Promise<InvocationOutcome>;
  close(): Promise<void>;
}

type Signal = InstanceMessage | { type: 'exit'; reason: string };

interface Instance {
  worker: Worker;
  version: number;
  busy: boolean;
  invocations: number;
  ready: Promise<ErrorReport | undefined>;
  listener: ((signal: Signal) => void) | undefined;
  crash: string | undefined;
}

const REGION = 'xx-local-1';

const describe = (error: ErrorReport): string => `${error.errorType}: ${error.errorMessage}`;

// Lambda sets these in every function's environment; the template's variables come on top.
function environmentFor(fn: TemplateFunction, artifact: Artifact): Record<string, string> {
  return {
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: fn.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.functionName}`,
    LAMBDA_TASK_ROOT: artifact.dir,
    ...(artifact.sourceMaps ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
    ...fn.environment,
  };
}

function nextSignal(instance: Instance): Promise<Signal> {
  return new Promise((resolve) => {
    instance.listener = resolve;
  });
}

/**
 * Runs a function in worker threads, each with its own module instance and environment, like
 * Lambda's execution environments. Instances are reused while warm, replaced after a crash or a
 * timeout, and retired once a newer build exists. At most `maxInstances` run at once; further
 * requests wait for one to be free.
 */
export function createFunctionPool(fn: TemplateFunction, runtimePath: string, maxInstances: number): FunctionPool {
  const instances = new Set<Instance>();
  const waiting: Array<(instance: Instance | undefined) => void> = [];
  let newest: Artifact | undefined;
  let closed = false;

  function retire(instance: Instance): void {
    instances.delete(instance);
    void instance.worker.terminate();
  }

  function spawn(artifact: Artifact): Instance {
    const setup: InstanceSetup = {
      artifactDir: artifact.dir,
      handler: fn.handler,
      functionName: fn.functionName,
      memorySize: fn.memorySize,
      region: REGION,
      sourceMaps: artifact.sourceMaps,
    };
    const worker = new Worker(runtimePath, {
      workerData: setup,
      env: environmentFor(fn, artifact),
      // Not the server's own flags (a TypeScript loader, the test runner's): the function runs its bundle.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: fn.memorySize },
    });
    const instance: Instance = {
      worker,
      version: artifact.version,
      busy: true,
      invocations: 0,
      ready: Promise.resolve(undefined),
      listener: undefined,
      crash: undefined,
    };
    worker.on('message', (message: InstanceMessage) => instance.listener?.(message));
    worker.on('error', (error) => {
      instance.crash ??= `${error.name}: ${error.message}`;
    });
    worker.on('exit', (code) => {
      instances.delete(instance);
      instance.listener?.({ type: 'exit', reason: instance.crash ?? `Runtime exited with error: exit status ${code}` });
      drain();
    });
    instance.ready = nextSignal(instance).then((signal) => {
      if (signal.type === 'ready') return undefined;
      if (signal.type === 'init-error') return signal.error;
      return { errorType: 'Runtime.ExitError', errorMessage: signal.type === 'exit' ? signal.reason : 'unexpected message' };
    });
    instances.add(instance);
    return instance;
  }

  function take(): Instance | undefined {
    if (closed || !newest) return undefined;
    const latest = newest;
    for (const instance of instances) {
      if (!instance.busy && instance.version < latest.version) retire(instance);
    }
    for (const instance of instances) {
      if (!instance.busy) {
        instance.busy = true;
        return instance;
      }
    }
    return instances.size < maxInstances ? spawn(latest) : undefined;
  }

  function drain(): void {
    while (waiting.length > 0) {
      const instance = take();
      if (!instance && !closed) return;
      waiting.shift()?.(instance);
    }
  }

  function release(instance: Instance, healthy: boolean): void {
    instance.busy = false;
    instance.listener = undefined;
    if (!healthy || (newest && instance.version < newest.version)) retire(instance);
    drain();
  }

  async function run(instance: Instance, event: unknown, awsRequestId: string): Promise<{ outcome: RunOutcome; healthy: boolean }> {
    const initError = await instance.ready;
    if (initError) return { outcome: { ok: false, reason: describe(initError) }, healthy: false };
    const timeoutMs = fn.timeoutSeconds * 1000;
    const message: InvokeMessage = { awsRequestId, event, deadlineMs: Date.now() + timeoutMs };
    let timedOut = false;
    // Lambda ends an invocation at its Timeout and starts the next one in a fresh environment.
    const timer = setTimeout(() => {
      timedOut = true;
      void instance.worker.terminate();
    }, timeoutMs);
    const reply = nextSignal(instance);
    instance.worker.postMessage(message);
    const signal = await reply;
    clearTimeout(timer);
    if (timedOut) return { outcome: { ok: false, reason: `Task timed out after ${fn.timeoutSeconds.toFixed(2)} seconds` }, healthy: false };
    switch (signal.type) {
      case 'result':
        return { outcome: { ok: true, payload: signal.payload }, healthy: true };
      case 'error':
        return { outcome: { ok: false, reason: describe(signal.error) }, healthy: true };
      case 'exit':
        return { outcome: { ok: false, reason: signal.reason }, healthy: false };
      default:
        return { outcome: { ok: false, reason: `unexpected ${signal.type} message` }, healthy: false };
    }
  }

  return {
    async invoke(artifact, event, awsRequestId) {
      if (!newest || artifact.version > newest.version) newest = artifact;
      const instance = take() ?? (await new Promise<Instance | undefined>((resolve) => waiting.push(resolve)));
      if (!instance) return { ok: false, reason: 'the local API is shutting down', coldStart: false };
      const coldStart = instance.invocations === 0;
      instance.invocations += 1;
      const { outcome, healthy } = await run(instance, event, awsRequestId);
      release(instance, healthy);
      return { ...outcome, coldStart };
    },
    async close() {
      closed = true;
      drain();
      await Promise.all([...instances].map((instance) => instance.worker.terminate()));
      instances.clear();
    },
  };
}
