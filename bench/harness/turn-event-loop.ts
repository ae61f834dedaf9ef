/**
 * One turn of the event loop. The Lambda runtime does I/O between invocations, so work an
 * adapter defers with setImmediate or a timer runs before the next event arrives; without this
 * turn a loop of awaits never leaves the microtask queue and that deferred work would fall
 * outside the clock.
 */
export const turnEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
