// The proxy helper's public surface; everything else in this folder is internal. (The sample
// apps' date formatter is theirs: functions/format-unix-date.ts, not part of the helper.)

/** Puts an app behind Lambda: `createHandler(app, options)` returns the Lambda handler. */
export { createHandler, type LambdaHttpHandler } from './create-handler';
/** What `createHandler` accepts: an Express, Koa or Fastify app, or a `(req, res)` listener. */
export type { App } from './resolve-listener';
/** `basePath`, `keepStage`, `binaryMediaTypes`, `textMediaTypes`. */
export type { ProxyOptions } from './options';
/** What the handler resolves: the result of the event's own format. */
export type { ProxyResult } from './formats/event-format';
/** The `{ event, context }` a request belongs to: `getInvocation(req)`. */
export { getInvocation, type Invocation, type LambdaHttpEvent } from './invocation';
