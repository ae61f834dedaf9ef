import type { IncomingMessage, ServerResponse } from 'node:http';
import { finishUnhandled, type FinalHandler } from './finish-unhandled';

/** A Node request listener: what `http.createServer` takes. An Express app is one. */
export type RequestListener = (req: IncomingMessage, res: ServerResponse) => unknown;

/** A Koa application: its `callback()` is a request listener. */
interface KoaLikeApp {
  callback(): RequestListener;
}

/** A Fastify instance: once ready, `routing` serves a Node request. */
interface FastifyLikeApp {
  ready(): PromiseLike<unknown>;
  routing(req: IncomingMessage, res: ServerResponse): void;
}

/** An Express or Connect app, seen as what it is: a listener that calls `next` when it did not answer. */
type ListenerWithNext = (req: IncomingMessage, res: ServerResponse, next: FinalHandler) => unknown;

/** What `createHandler` can put behind Lambda. */
export type App = RequestListener | KoaLikeApp | FastifyLikeApp;

// `app` comes from JavaScript callers too: null must reach the helpful TypeError, not a property read.
function isFastifyApp(app: App): app is FastifyLikeApp {
  return (
    typeof app === 'object' &&
    app !== null &&
    typeof (app as FastifyLikeApp).routing === 'function' &&
    typeof (app as FastifyLikeApp).ready === 'function'
  );
}

function isKoaApp(app: App): app is KoaLikeApp {
  return typeof app === 'object' && app !== null && typeof (app as KoaLikeApp).callback === 'function';
}

/**
 * Turns an app into a request listener once, at cold start. A function app (Express) gets the
 * helper's own final handler as `next` on every request (see finishUnhandled). Fastify's plugins load in
 * `ready()`, started here so that it overlaps the rest of the init phase; until it resolves
 * the listener is a promise.
 */
export function resolveListener(app: App): RequestListener | Promise<RequestListener> {
  if (isFastifyApp(app)) {
    const routing: RequestListener = (req, res) => app.routing(req, res);
    return Promise.resolve(app.ready()).then(() => routing);
  }
  if (isKoaApp(app)) return app.callback();
  if (typeof app === 'function') {
    // Express and Connect take the helper's final handler as `next`; a plain (req, res) listener ignores it.
    const listener = app as ListenerWithNext;
    return (req, res) => listener(req, res, finishUnhandled(req, res));
  }
  throw new TypeError('createHandler needs an Express app, a Koa app, a Fastify instance or a (req, res) listener');
}
