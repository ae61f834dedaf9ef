// The proxy helper's public surface. Everything else in this folder is internal.
export { createHandler, type LambdaHttpHandler } from './create-handler';
export type { ProxyResult } from './formats/event-format';
export { getInvocation, type Invocation, type LambdaHttpEvent } from './invocation';
export type { ProxyOptions } from './options';
export type { App, FastifyLikeApp, KoaLikeApp, RequestListener } from './resolve-listener';
export { formatUnixDate } from './unix-date';
