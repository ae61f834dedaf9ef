import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InvocationSocket } from './invocation-socket';
import { describeError } from './log';
import type { RequestListener } from './resolve-listener';

/** Why the helper answers for the app: it threw, rejected, broke its response or ran out of time. */
export interface ListenerFailure {
  readonly kind: 'failure';
  readonly statusCode: 500 | 504;
  readonly reason: string;
  /** The error the response was broken with, described (see describeError), if any. */
  readonly error?: string | undefined;
}

/**
 * Lets the app answer `req` into `res` (already bound to `socket`) and settles once: with
 * `finished(res, socket)` when the response finishes, or with a failure when the app throws,
 * rejects, breaks its response or is still busy at `deadlineMs`. Either way the connection then
 * closes, as after a real exchange: the response emits 'close' (loggers wait for it), and writes
 * the app makes after a failure go nowhere. Never rejects. `finished` is a module-level function,
 * not a closure, so the buffered path allocates nothing for it per invocation.
 */
export function runListener<Socket extends InvocationSocket, Finished>(
  listener: RequestListener,
  req: IncomingMessage,
  res: ServerResponse,
  socket: Socket,
  deadlineMs: number,
  finished: (res: ServerResponse, socket: Socket) => Finished,
): Promise<Finished | ListenerFailure> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: Finished | ListenerFailure): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const fail = (reason: string, error?: Error | null): void =>
      settle({ kind: 'failure', statusCode: 500, reason, error: error ? describeError(error) : undefined });

    const timer = setTimeout(
      () => settle({ kind: 'failure', statusCode: 504, reason: 'the app did not finish its response in time' }),
      deadlineMs,
    );
    // `on`, not `once`: each fires at most once per response, and the response dies with the invocation.
    res.on('finish', () => settle(finished(res, socket)));
    res.on('error', (error) => fail('the response stream failed', error));
    // `errored`: the error a response was destroyed with (Express's final handler does that, see finishUnhandled).
    res.on('close', () => fail('the response was closed before it finished', res.errored));

    try {
      const returned = listener(req, res);
      if (returned instanceof Promise) returned.catch(() => fail('the app rejected'));
    } catch {
      fail('the app threw');
    }
  });
}
