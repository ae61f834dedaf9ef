// The proxy helper's public surface; everything else in this folder is internal.

/** Puts an app behind Lambda: `createHandler(app, options)` returns the Lambda handler. */
export { createHandler, type LambdaHttpHandler } from './create-handler';
/**
 * Puts an app behind Lambda response streaming (REST API STREAM integrations, Function URLs in
 * RESPONSE_STREAM mode): `createStreamHandler(app, options)` returns the handler already wrapped
 * by the runtime's `awslambda.streamifyResponse`; it throws where that global is missing.
 */
export { createStreamHandler } from './create-stream-handler';
/** What a streaming handler is and writes to, as the Lambda Node.js runtime defines them. */
export type { LambdaResponseStream, LambdaStreamHandler } from './awslambda';
/** What `createHandler` and `createStreamHandler` accept: an Express, Koa or Fastify app, a `node:http` Server, or a `(req, res)` listener. */
export type { App } from './resolve-listener';
/** `basePath`, `keepStage`, `binaryMediaTypes`, `textMediaTypes`. */
export type { ProxyOptions } from './options';
/** What the handler resolves: the result of the event's own format. */
export type { ProxyResult } from './formats/event-format';
/** Lambda's limit on a synchronous invocation's response, 6,291,556 bytes, as its own error message states it. */
export { LAMBDA_RESPONSE_LIMIT_BYTES } from './response-limit';
/** The `{ event, context }` a request belongs to: `getInvocation(req)`. */
export { getInvocation, type Invocation, type LambdaHttpEvent } from './invocation';
