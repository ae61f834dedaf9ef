import type { IncomingHttpHeaders } from 'node:http';
import type { StreamReading } from './answer-streamed';
import type { HttpAnswer, ReadOutcome } from './read-lambda-result';
import type { ReceivedRequest } from './received-request';
import type { Authorization, InvokeFunction } from './authorizers/authorization';

/** What a gateway answers on its own, each in its own words. */
export type GatewayFailure = 'no-route' | 'uri-too-long' | 'headers-too-large' | 'too-large' | 'function-error' | 'timed-out';

/** Whether the function's result comes back whole, or streamed as it is written. */
export type InvokeMode = 'BUFFERED' | 'RESPONSE_STREAM';

/** Where a gateway sends one request, and how it talks to the function there. */
export interface GatewayRoute {
  readonly gateway: Gateway;
  /** Undefined when the gateway answers itself (`answer`): a CORS preflight, a static file. */
  readonly functionId: string | undefined;
  readonly invokeMode: InvokeMode;
  /** With RESPONSE_STREAM: how this gateway reads the stream's head (answer-streamed.ts). */
  readonly streamReading?: StreamReading;
  /** How long the gateway waits for the function; undefined: as long as the function's own Timeout allows. */
  readonly timeoutMs: number | undefined;
  /** The gateway's own answer, no function involved (after `authorize`, when both are set). */
  answer?(request: ReceivedRequest): HttpAnswer;
  /** The route's authorizer, run before the function; absent when nothing guards the route. */
  authorize?(request: ReceivedRequest, invoke: InvokeFunction): Promise<Authorization>;
  /** The event the function receives; `authorizer`: what an authorizer let through, for `requestContext.authorizer`. */
  createEvent(request: ReceivedRequest, authorizer?: Record<string, unknown>): unknown;
  /** The function's result as the gateway answers it, or why it cannot (the gateway then answers 'function-error'). */
  readResult(payload: string, requestHeaders: IncomingHttpHeaders): ReadOutcome;
}

/**
 * One event source's front door (a REST API, an HTTP API, a Function URL): which function a
 * request reaches, and the answers the gateway gives itself. Everything else (reading the body,
 * invoking, the access log) is the same for all and lives in handle-request.ts.
 */
export interface Gateway {
  /** `REST API`, `HTTP API`, `Function URL`: for the console. */
  readonly kind: string;
  /** The route of a method and path (as sent, still percent-encoded), or undefined when none takes it; headers tell a CORS preflight. */
  route(method: string, rawPath: string, headers: IncomingHttpHeaders): GatewayRoute | undefined;
  /** Whether a request for this path that no route takes is this gateway's to refuse ('no-route'). */
  owns(rawPath: string): boolean;
  refuse(failure: GatewayFailure): HttpAnswer;
  /** The answer as the client receives it: with the headers this gateway adds (its request id...). */
  finish(answer: HttpAnswer, requestId: string): HttpAnswer;
}

/** A JSON `{"message": ...}` answer, the shape API Gateway's own answers take. */
export function messageAnswer(statusCode: number, message: string, extraHeaders: [string, string][] = []): HttpAnswer {
  const headers = new Map<string, string[]>([['Content-Type', ['application/json']]]);
  for (const [name, value] of extraHeaders) headers.set(name, [value]);
  return { statusCode, headers, body: Buffer.from(JSON.stringify({ message })) };
}

/** A copy of `answer` with headers added after its own. */
export function withHeaders(answer: HttpAnswer, added: [string, string][]): HttpAnswer {
  const headers = new Map(answer.headers);
  for (const [name, value] of added) headers.set(name, [value]);
  return { ...answer, headers };
}
