import { AsyncLocalStorage } from 'node:async_hooks';

/** What the runtime knows of the invocation a piece of code runs for. */
export interface InvokeScope {
  requestId: string;
  xRayTraceId: string | undefined;
}

/**
 * `awslambda.InvokeStore`: which invocation is running. One at a time, it is simply the last one
 * started (a log line written after an invocation still carries its id, as in Lambda); with
 * overlapping invocations (Managed Instances) each async chain keeps its own.
 */
export interface InvokeStore {
  run<T>(scope: InvokeScope, work: () => T): T;
  /** `-` outside any invocation, as the runtime's log lines show it. */
  getRequestId(): string;
  getXRayTraceId(): string | undefined;
  getTenantId(): string | undefined;
}

export function createInvokeStore(overlapping: boolean): InvokeStore {
  let current: InvokeScope | undefined;
  const storage = overlapping ? new AsyncLocalStorage<InvokeScope>() : undefined;
  const scope = (): InvokeScope | undefined => (storage ? storage.getStore() : current);
  return {
    run(next, work) {
      if (storage) return storage.run(next, work);
      current = next;
      return work();
    },
    getRequestId: () => scope()?.requestId ?? '-',
    getXRayTraceId: () => scope()?.xRayTraceId,
    // The runtime (4.x) does not put the tenant in the store, so its log lines never carry one.
    getTenantId: () => undefined,
  };
}
