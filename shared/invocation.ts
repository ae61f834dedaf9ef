import type { IncomingMessage } from 'node:http';
import type { ALBEvent, APIGatewayProxyEvent, APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { InvocationSocket } from './invocation-socket';

/** Every event the helper serves: REST v1, HTTP API 2.0 (and Function URLs), ALB. */
export type LambdaHttpEvent = APIGatewayProxyEvent | APIGatewayProxyEventV2 | ALBEvent;

/** The Lambda invocation a request belongs to. */
export interface Invocation {
  readonly event: LambdaHttpEvent;
  readonly context: Context;
}

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
