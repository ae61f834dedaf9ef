import { Worker, type MessagePort } from 'node:worker_threads';
import type { Artifact } from '../sam-build/build-functions';
import { createFunctionEnvironment, LOCAL_REGION } from './create-function-environment';
import { explainInitError } from './explain-init-error';
import { forwardLines } from './forward-lines';
import type { ErrorReport, InstanceMessage, InstanceSetup, InvocationRequest } from './instance/instance-messages';
import type { Logger } from '../console/logger';
import type { TemplateFunction } from '../sam-model/read-template';

/** A failure carries Lambda's error object too: what the Invoke API answers with a function error. */
type RunOutcome = { ok: true; payload: string } | { ok: false; reason: string; error: ErrorReport };

/** The function's JSON result, or why there is none; and whether a fresh instance served it. */
export type InvocationOutcome = RunOutcome & { coldStart: boolean };

/** An invocation that could not even be run (the pool itself failed): what its caller settles with. */
export function unrunOutcome(error: unknown): InvocationOutcome {
  const reason = `the invocation could not run: ${error instanceof Error ? error.message : String(error)}`;
  return { ok: false, reason, error: { errorType: 'Runtime.Unavailable', errorMessage: reason, trace: [] }, coldStart: false };
}

/** The instances of one function: one invocation at a time each (or up to N with Managed Instances), more of them for concurrent requests. */
export interface FunctionPool {
  /**
   * With `stream`, a streaming handler's bytes go there as written (answer-streamed.ts reads them).
   * With `onLine`, the invocation's own log lines go there too, each before the outcome settles
   * (the Invoke API's `LogType: Tail`, the invoke command's standard error).
   */
  invoke(
    artifact: Artifact,
    event: unknown,
    awsRequestId: string,
    stream?: MessagePort,
    onLine?: (line: string) => void,
  ): Promise<InvocationOutcome>;
  /** Starts an instance ahead of any request (`--warm-containers EAGER`); its init error, if any, as text. */
  prewarm(artifact: Artifact): Promise<string | undefined>;
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Where the functions' console lines go: stdout lines to `info`, stderr lines to `error`. */
  logger?: Logger;
  /** Overlapping invocations per instance for every function (`--concurrency-per-instance`), as on Managed Instances. */
  concurrencyPerInstance?: number;
  /** A debugger may hold an invocation at a breakpoint: no Timeout ends it. */
  debugging?: boolean;
}

type Signal = InstanceMessage | { type: 'exit'; reason: string };

interface Instance {
  worker: Worker;
  version: number;
  /** Where its build is: an init error says what the build holds. */
  artifactDir: string;
  /** Invocations in flight; at most the function's concurrency per instance. */
  active: number;
  invocations: number;
  ready: Promise<ErrorReport | undefined>;
  onInit: ((signal: Signal) => void) | undefined;
  /** Each invocation in flight, by request id, waiting for its answer. */
  replies: Map<string, (signal: Signal) => void>;
  /** Who wants the log lines of each invocation in flight, by request id. */
  listeners: Map<string, (line: string) => void>;
  crash: string | undefined;
  /** The pool ended it (retired, timed out, closed): its exit is no crash. */
  ending: boolean;
}

// Managed Instances' default is 64 concurrent invocations per vCPU; locally an instance is one vCPU.
const MANAGED_INSTANCES_DEFAULT_CONCURRENCY = 64;

// An instance started by prewarm, before its first invocation: counted as warm when it comes.
const PREWARMED = -1;

const describe = (error: ErrorReport): string => `${error.errorType}: ${error.errorMessage}`;
const failure = (errorType: string, reason: string): RunOutcome => ({
  ok: false,
  reason,
  error: { errorType, errorMessage: reason, trace: [] },
});

/**
 * An instance's line belongs to its one invocation in flight; with overlapping invocations, to the
 * one whose request id it carries (the runtime's console puts it in every TEXT and JSON line).
 */
function routeLine(instance: Pick<Instance, 'listeners' | 'active'>, line: string): void {
  // Counted by invocations in flight, not by listeners: those that want no lines register none.
  for (const [awsRequestId, listen] of instance.listeners) if (instance.active === 1 || line.includes(awsRequestId)) listen(line);
}

/** How many invocations one instance takes at once: 1, unless the function runs on Managed Instances or the CLI asks. */
export function concurrencyPerInstance(fn: TemplateFunction, options: PoolOptions): number | undefined {
  if (options.concurrencyPerInstance !== undefined) return options.concurrencyPerInstance;
  if (fn.capacityProvider) return fn.capacityProvider.maxConcurrency ?? MANAGED_INSTANCES_DEFAULT_CONCURRENCY;
  return undefined;
}

/**
 * Runs a function in worker threads, each with its own module instance and environment, like
 * Lambda's execution environments. Instances are reused while warm, replaced after a crash or a
 * timeout, and retired once a newer build exists. At most `maxInstances` run at once; further
 * requests wait for one to be free.
 */
export function createFunctionPool(
  fn: TemplateFunction,
  runtimePath: string,
  maxInstances: number,
  options: PoolOptions = {},
): FunctionPool {
  const overlapping = concurrencyPerInstance(fn, options);
  const capacity = overlapping ?? 1;
  const instances = new Set<Instance>();
  const waiting: Array<(instance: Instance | undefined) => void> = [];
  let newest: Artifact | undefined;
  let closed = false;

  function end(instance: Instance): Promise<number> {
    instance.ending = true;
    return instance.worker.terminate();
  }

  function retire(instance: Instance): void {
    instances.delete(instance);
    void end(instance);
  }

  // A crash may come between invocations, with no request to report it: say which function lost an instance.
  function logCrash(reason: string): void {
    options.logger?.error(`${fn.logicalId}: an instance crashed; the next request starts a fresh one:\n${reason}`);
  }

  function spawn(artifact: Artifact): Instance {
    const setup: InstanceSetup = { sourceMaps: artifact.sourceMaps };
    const worker = new Worker(runtimePath, {
      workerData: setup,
      env: createFunctionEnvironment(fn, artifact, runtimePath, overlapping),
      // Not the server's own flags (a TypeScript loader, the test runner's): the function runs its bundle.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: fn.memorySize },
      // The function's console goes to the local API's logger, a line at a time, as Lambda sends it to CloudWatch.
      stdout: true,
      stderr: true,
    });
    const logger = options.logger;
    forwardLines(worker.stdout, (line) => {
      logger?.info(line);
      routeLine(instance, line);
    });
    forwardLines(worker.stderr, (line) => {
      logger?.error(line);
      routeLine(instance, line);
    });
    const instance: Instance = {
      worker,
      version: artifact.version,
      artifactDir: artifact.dir,
      active: 1,
      invocations: 0,
      ready: Promise.resolve(undefined),
      onInit: undefined,
      replies: new Map(),
      listeners: new Map(),
      crash: undefined,
      ending: false,
    };
    worker.on('message', (message: InstanceMessage) => {
      // After a failed init the runtime ends, as Lambda's does; the init error itself is the report.
      if (message.type === 'init-error') instance.ending = true;
      if (message.type === 'ready' || message.type === 'init-error') instance.onInit?.(message);
      else instance.replies.get(message.awsRequestId)?.(message);
    });
    worker.on('error', (error) => {
      instance.crash ??= `${error.name}: ${error.message}`;
      logCrash(error.stack ?? instance.crash);
    });
    worker.on('exit', (code) => {
      instances.delete(instance);
      if (!instance.ending && instance.crash === undefined) logCrash(`Runtime exited with error: exit status ${code}`);
      const exit: Signal = { type: 'exit', reason: instance.crash ?? `Runtime exited with error: exit status ${code}` };
      instance.onInit?.(exit);
      for (const reply of instance.replies.values()) reply(exit);
      drain();
    });
    instance.ready = new Promise<Signal>((resolve) => (instance.onInit = resolve)).then((signal) => {
      instance.onInit = undefined;
      if (signal.type === 'ready') return undefined;
      if (signal.type === 'init-error') return signal.error;
      return { errorType: 'Runtime.ExitError', errorMessage: signal.type === 'exit' ? signal.reason : 'unexpected message', trace: [] };
    });
    instances.add(instance);
    return instance;
  }

  function take(): Instance | undefined {
    if (closed || !newest) return undefined;
    const latest = newest;
    for (const instance of instances) {
      if (instance.active === 0 && instance.version < latest.version) retire(instance);
    }
    // With room for overlapping invocations, the busiest current instance takes the next one, as one process takes many on Managed Instances.
    const current = [...instances].filter((instance) => instance.version === latest.version && instance.active < capacity);
    const chosen = current.sort((a, b) => b.active - a.active)[0];
    if (chosen) {
      chosen.active += 1;
      return chosen;
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
    instance.active -= 1;
    if (!healthy || (instance.active === 0 && newest && instance.version < newest.version)) retire(instance);
    drain();
  }

  async function run(
    instance: Instance,
    event: unknown,
    awsRequestId: string,
    stream: MessagePort | undefined,
  ): Promise<{ outcome: RunOutcome; healthy: boolean }> {
    const initError = await instance.ready;
    if (initError)
      return { outcome: { ok: false, reason: explainInitError(fn, instance.artifactDir, initError), error: initError }, healthy: false };
    const timeoutMs = fn.timeoutSeconds * 1000;
    const request: InvocationRequest = {
      awsRequestId,
      event,
      deadlineMs: Date.now() + timeoutMs,
      invokedFunctionArn: `arn:aws:lambda:${LOCAL_REGION}:000000000000:function:${fn.functionName}`,
      ...(stream ? { stream } : {}),
    };
    let timedOut = false;
    // Lambda ends an invocation at its Timeout and starts the next one in a fresh environment;
    // like `sam local --debug-port`, not while a debugger may hold it at a breakpoint.
    const timer = options.debugging
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          void end(instance);
        }, timeoutMs);
    const reply = new Promise<Signal>((resolve) => instance.replies.set(awsRequestId, resolve));
    instance.worker.postMessage(request, request.stream ? [request.stream] : []);
    const signal = await reply;
    instance.replies.delete(awsRequestId);
    clearTimeout(timer);
    if (timedOut)
      return { outcome: failure('Sandbox.Timedout', `Task timed out after ${fn.timeoutSeconds.toFixed(2)} seconds`), healthy: false };
    switch (signal.type) {
      case 'result':
        return { outcome: { ok: true, payload: signal.payload }, healthy: true };
      case 'error':
        return { outcome: { ok: false, reason: describe(signal.error), error: signal.error }, healthy: true };
      case 'exit':
        return { outcome: failure('Runtime.ExitError', signal.reason), healthy: false };
      default:
        return { outcome: failure('Runtime.Unknown', `unexpected ${signal.type} message`), healthy: false };
    }
  }

  return {
    async invoke(artifact, event, awsRequestId, stream, onLine) {
      if (!newest || artifact.version > newest.version) newest = artifact;
      const instance = take() ?? (await new Promise<Instance | undefined>((resolve) => waiting.push(resolve)));
      if (!instance) return { ...failure('Runtime.Unavailable', 'the local API is shutting down'), coldStart: false };
      const coldStart = instance.invocations === 0;
      if (instance.invocations === PREWARMED) instance.invocations = 0;
      instance.invocations += 1;
      if (onLine) instance.listeners.set(awsRequestId, onLine);
      const { outcome, healthy } = await run(instance, event, awsRequestId, stream).finally(() => instance.listeners.delete(awsRequestId));
      release(instance, healthy);
      return { ...outcome, coldStart };
    },
    async prewarm(artifact) {
      if (!newest || artifact.version > newest.version) newest = artifact;
      if (closed || instances.size > 0) return undefined;
      const instance = spawn(artifact);
      // Started for no request: idle, and its first invocation is warm, as on a provisioned environment.
      instance.active = 0;
      instance.invocations = PREWARMED;
      const initError = await instance.ready;
      drain();
      return initError && describe(initError);
    },
    async close() {
      closed = true;
      drain();
      await Promise.all([...instances].map(end));
      instances.clear();
    },
  };
}
