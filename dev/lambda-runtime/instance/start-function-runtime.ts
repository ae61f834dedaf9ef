// The part of nodejs24.x's runtime that does not depend on how invocations arrive: set up the
// `awslambda` global and the console, load and check the handler (the init phase), then run
// invocations and say what the runtime would post back. run-invocations.ts connects it to the
// local API (worker messages) or to a Lambda Runtime API.
import { checkHandlerSignature } from './check-handler-signature';
import { createLambdaContext } from './create-lambda-context';
import { loadHandler, type LambdaHandler } from './load-handler';
import { JSONStringifyError } from './runtime-errors';
import {
  installAwsLambdaGlobal,
  invokeStreamingHandler,
  isStreamingHandler,
  type OpenSink,
  type StreamingHandler,
} from './awslambda-global';
import { createInvokeStore } from './create-invoke-store';
import type { ErrorReport, InvocationRequest } from './instance-messages';
import { logRuntimeError, patchConsole, readLogSettings } from './patch-console';
import { invokeStreamed, invokeStreamingBuffered, streamWhole } from './stream-invocation';

export type InvocationResult = { kind: 'response'; payload: string } | { kind: 'error'; error: ErrorReport };

export interface StartedRuntime {
  ok: true;
  overlapping: boolean;
  /** Whether the handler streams (streamifyResponse): its invocations write to a stream rather than return a payload. */
  streaming: boolean;
  /**
   * Runs one invocation. A streaming handler's bytes go to `openStream` when given (a streamed
   * post to a Runtime API), else to the request's port, else into the payload.
   */
  invoke(request: InvocationRequest, openStream?: OpenSink): Promise<InvocationResult>;
}

export type FunctionRuntime = StartedRuntime | { ok: false; error: ErrorReport };

/** The runtime's report of a thrown value: an Error's name, message and stack lines; anything else by its typeof. */
export function reportOf(thrown: unknown): ErrorReport {
  // The runtime escapes DEL, which its transport cannot carry.
  const escape = (text: string) => text.replaceAll('\x7F', '%7F');
  if (thrown instanceof Error) {
    return {
      errorType: escape(thrown.name),
      errorMessage: escape(thrown.message),
      trace: thrown.stack ? escape(thrown.stack).split('\n') : [],
    };
  }
  return { errorType: typeof thrown, errorMessage: String(thrown), trace: [] };
}

// The runtime posts a result only after the handler's microtasks have run.
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function serialize(result: unknown): string {
  try {
    return JSON.stringify(result === undefined ? null : result) ?? 'null';
  } catch {
    throw new JSONStringifyError();
  }
}

/**
 * Starts a function as nodejs24.x's runtime does, from its environment (`_HANDLER`,
 * `LAMBDA_TASK_ROOT`, `AWS_LAMBDA_*`). `write` receives the console's lines. An init failure is
 * logged as the runtime logs it and returned as its report.
 */
export async function startFunctionRuntime(env: NodeJS.ProcessEnv, write: (line: string) => void): Promise<FunctionRuntime> {
  // Managed Instances: the runtime's switch is the variable's presence, whatever its value.
  const overlapping = env.AWS_LAMBDA_MAX_CONCURRENCY !== undefined;
  const store = createInvokeStore(overlapping);
  installAwsLambdaGlobal(store, env);
  const logSettings = readLogSettings(env);
  patchConsole(logSettings, store, write);

  let handler: LambdaHandler;
  let streaming: boolean;
  try {
    handler = await loadHandler(env.LAMBDA_TASK_ROOT ?? '', env._HANDLER ?? '');
    streaming = isStreamingHandler(handler);
    checkHandlerSignature(handler, env.AWS_EXECUTION_ENV);
  } catch (error) {
    logRuntimeError(logSettings, 'Init Error', error);
    return { ok: false, error: reportOf(error) };
  }

  async function run(request: InvocationRequest, openStream: OpenSink | undefined): Promise<InvocationResult> {
    const context = createLambdaContext({
      clientContext: request.clientContext,
      identity: request.identity,
      invokedFunctionArn: request.invokedFunctionArn,
      awsRequestId: request.awsRequestId,
      ...(request.tenantId === undefined ? {} : { tenantId: request.tenantId }),
      ...(request.xRayTraceId === undefined ? {} : { xRayTraceId: request.xRayTraceId }),
      deadlineMs: request.deadlineMs,
      functionName: env.AWS_LAMBDA_FUNCTION_NAME ?? '',
      functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION ?? '$LATEST',
      memorySize: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE ?? '',
      logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME ?? '',
      logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME ?? '',
    });
    try {
      if (streaming) {
        const streamingHandler = handler as unknown as StreamingHandler;
        if (openStream) {
          await invokeStreamingHandler(streamingHandler, request.event, context, openStream);
          return { kind: 'response', payload: '' };
        }
        if (!request.stream) return { kind: 'response', payload: await invokeStreamingBuffered(streamingHandler, request.event, context) };
        await invokeStreamed(streamingHandler, request.event, context, request.stream);
        return { kind: 'response', payload: '' };
      }
      const result = await handler(request.event, context);
      const payload = serialize(result);
      await nextTurn();
      if (request.stream) streamWhole(request.stream, payload);
      return { kind: 'response', payload };
    } catch (error) {
      // A stream's reader waits for its end; the error is in the result.
      request.stream?.close();
      await nextTurn();
      logRuntimeError(logSettings, 'Invoke Error', error);
      return { kind: 'error', error: reportOf(error) };
    }
  }

  return {
    ok: true,
    overlapping,
    streaming,
    invoke(request, openStream) {
      // One at a time, the trace id is the process's; overlapping invocations cannot share a variable.
      if (!overlapping) {
        if (request.xRayTraceId) env._X_AMZN_TRACE_ID = request.xRayTraceId;
        else delete env._X_AMZN_TRACE_ID;
      }
      return store.run({ requestId: request.awsRequestId, xRayTraceId: request.xRayTraceId }, () => run(request, openStream));
    },
  };
}
