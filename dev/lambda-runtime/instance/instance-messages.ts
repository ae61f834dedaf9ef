import type { MessagePort } from 'node:worker_threads';

/** What the local API tells a function instance (a worker thread) when it starts; the rest is in its environment, as in Lambda. */
export interface InstanceSetup {
  sourceMaps: boolean;
}

/** One invocation, with what the Runtime API's `GET /invocation/next` headers carry. */
export interface InvocationRequest {
  awsRequestId: string;
  event: unknown;
  /** Epoch milliseconds at which the function's Timeout ends the invocation. */
  deadlineMs: number;
  invokedFunctionArn: string;
  xRayTraceId?: string;
  tenantId?: string;
  clientContext?: unknown;
  identity?: unknown;
  /**
   * The local API's own: for a streamed invocation (a STREAM integration, a RESPONSE_STREAM
   * Function URL), where a streaming handler's bytes go as it writes them (stream-messages.ts).
   */
  stream?: MessagePort;
}

/** Lambda's error shape: what the runtime reports for a failed init or invocation. */
export interface ErrorReport {
  errorType: string;
  errorMessage: string;
  trace: string[];
}

export type InstanceMessage =
  | { type: 'ready' }
  | { type: 'init-error'; error: ErrorReport }
  | { type: 'result'; awsRequestId: string; payload: string }
  | { type: 'error'; awsRequestId: string; error: ErrorReport };
