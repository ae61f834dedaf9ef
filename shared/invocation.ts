import type { IncomingMessage } from 'node:http';
import { InvocationSocket, type Invocation } from './invocation-socket';

export type { Invocation, LambdaHttpEvent } from './invocation-socket';

/**
 * The `{ event, context }` of the invocation a request belongs to, given the Node request
 * (Express `req`, Koa `ctx.req`, Fastify `request.raw`); undefined for a request the helper did not make.
 */
export function getInvocation(req: IncomingMessage): Invocation | undefined {
  // Each request has its own invocation socket, which carries the invocation: concurrent
  // invocations in one process never see each other's, and no header a client sends can reach it.
  const socket: unknown = req.socket;
  return socket instanceof InvocationSocket ? socket.invocation : undefined;
}
