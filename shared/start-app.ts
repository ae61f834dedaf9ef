import { describeError, logLine } from './log';
import { resolveListener, type App, type RequestListener } from './resolve-listener';

/** Why every invocation fails after the app's start (Fastify's `ready()`) failed. */
export class AppStartError extends Error {
  override readonly name = 'AppStartError';
  constructor() {
    super('The app failed to start (its reason was logged at cold start)');
  }
}

/**
 * Starts the app once, when the handler is created, and returns how an invocation gets its
 * listener: at once when the app is ready, or a promise that rejects with `AppStartError`.
 */
export function startApp(app: App): () => RequestListener | Promise<RequestListener> {
  let listener: RequestListener | Promise<RequestListener> = resolveListener(app);
  if (listener instanceof Promise) {
    listener = listener.catch((error: unknown) => {
      // Said once, with its reason; every invocation then answers 500 until the code is fixed.
      logLine('ERROR', 'The app failed to start', undefined, { error: describeError(error) });
      throw new AppStartError();
    });
    listener.then(
      (ready) => (listener = ready),
      () => undefined, // each invocation reports it
    );
  }
  return () => listener;
}
