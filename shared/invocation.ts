import type { IncomingMessage } from 'node:http';
import type { ALBEvent, APIGatewayProxyEvent, APIGatewayProxyEventV2, Context } from 'aws-lambda';

/** Every event the helper serves: REST v1, HTTP API 2.0 (and Function URLs), ALB. */
export type LambdaHttpEvent = APIGatewayProxyEvent | APIGatewayProxyEventV2 | ALBEvent;

/** The Lambda invocation a request belongs to. */
export interface Invocation {
  readonly event: LambdaHttpEvent;
  readonly context: Context;
}

// Keyed by the request object itself: concurrent invocations in one process never see each
// other's, and no header a client sends can reach it.
const invocations = new WeakMap<IncomingMessage, Invocation>();

export function bindInvocation(req: IncomingMessage, invocation: Invocation): void {
  invocations.set(req, invocation);
}

/**
 * The `{ event, context }` of the invocation a request belongs to, given the Node request
 * (Express `req`, Koa `ctx.req`, Fastify `request.raw`); undefined for a request the helper did not make.
 */
export function getInvocation(req: IncomingMessage): Invocation | undefined {
  return invocations.get(req);
}
