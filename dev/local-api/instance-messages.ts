/** What the local API tells a function instance (a worker thread) when it starts. */
export interface InstanceSetup {
  artifactDir: string;
  /** `handler.handler`: the module (without extension) and its export, as in the template. */
  handler: string;
  functionName: string;
  memorySize: number;
  region: string;
  sourceMaps: boolean;
}

export interface InvokeMessage {
  awsRequestId: string;
  event: unknown;
  /** Epoch milliseconds at which the function's Timeout ends the invocation. */
  deadlineMs: number;
}

/** Lambda's error shape: what the runtime reports for a failed init or invocation. */
export interface ErrorReport {
  errorType: string;
  errorMessage: string;
}

export type InstanceMessage =
  | { type: 'ready' }
  | { type: 'init-error'; error: ErrorReport }
  | { type: 'result'; payload: string }
  | { type: 'error'; error: ErrorReport };
