import { Server, type IncomingMessage, type ServerResponse } from 'node:http';
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
export type App = RequestListener | KoaLikeApp | FastifyLikeApp | Server;

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
 * A `node:http` Server answers through its 'request' listeners, called in order with the server as
 * `this`, as its own emit would. They are read per request, so a listener added later serves too;
 * a rejected promise from any of them fails the request instead of going unhandled.
 */
function serverListener(server: Server): RequestListener {
  return (req, res) => {
    let pending: Promise<unknown>[] | undefined;
    for (const listener of server.listeners('request') as RequestListener[]) {
      const returned = listener.call(server, req, res);
      if (returned instanceof Promise) (pending ??= []).push(returned);
    }
    return pending && Promise.all(pending);
  };
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
  if (app instanceof Server) {
    if (app.listenerCount('request') === 0) throw new TypeError("createHandler got a node:http Server with no 'request' listener");
    return serverListener(app);
  }
  if (typeof app === 'function') {
    // Express and Connect take the helper's final handler as `next`; a plain (req, res) listener ignores it.
    const listener = app as ListenerWithNext;
    return (req, res) => listener(req, res, finishUnhandled(req, res));
  }
  throw new TypeError('createHandler needs an Express app, a Koa app, a Fastify instance, a node:http Server or a (req, res) listener');
}
