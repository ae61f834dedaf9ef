// The proxy helper's public surface. Everything else in this folder is internal (the apps take
// formatUnixDate from unix-date.ts directly: it is the sample's, not the helper's).
export { createHandler, type LambdaHttpHandler } from './create-handler';
export type { ProxyResult } from './formats/event-format';
export { getInvocation, type Invocation, type LambdaHttpEvent } from './invocation';
export type { ProxyOptions } from './options';
export type { App, FastifyLikeApp, KoaLikeApp, RequestListener } from './resolve-listener';
