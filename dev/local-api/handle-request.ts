import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { gatewayAnswer, sendAnswer, type GatewayError } from './answer-like-api-gateway';
import type { FunctionBuild } from './build-functions';
import { createEvent } from './create-event';
import type { FunctionPool, InvocationOutcome } from './function-pool';
import type { Limits } from './limits';
import { checkRequestHead } from './check-request-head';
import { describeTarget, formatAccessLine, type Logger } from './log-access';
import type { RouteMatch } from './match-route';
import { readLambdaResult, type HttpAnswer } from './read-lambda-result';
import { readRequestBody } from './read-request-body';
import { remapResponseHeaders } from './remap-response-headers';

/** A function as the server reaches it: its build and its instances. */
export interface ServedFunction {
  build: FunctionBuild;
  pool: FunctionPool;
}

export interface RequestHandlerSetup {
  matchRoute: (method: string, rawPath: string) => RouteMatch | undefined;
  functions: ReadonlyMap<string, ServedFunction>;
  limits: Limits;
  logger: Logger;
}

interface Reply {
  /** Undefined when the client left before it could be answered. */
  answer?: HttpAnswer;
  functionId?: string;
  coldStart?: boolean;
}

const TIMED_OUT = Symbol('timed out');

function withTimeout(invocation: Promise<InvocationOutcome>, ms: number): Promise<InvocationOutcome | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([invocation, deadline]).finally(() => clearTimeout(timer));
}

/** Serves one request as API Gateway and Lambda would: route, event, invocation, answer, access log. */
export function createRequestHandler(setup: RequestHandlerSetup): (request: IncomingMessage, response: ServerResponse) => void {
  const { matchRoute, functions, limits, logger } = setup;

  async function reply(request: IncomingMessage, requestId: string, receivedAt: Date): Promise<Reply> {
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const refusal = checkRequestHead(request, limits);
    if (refusal) {
      request.resume();
      return { answer: gatewayAnswer(refusal) };
    }
    const queryAt = url.indexOf('?');
    const match = matchRoute(method, queryAt < 0 ? url : url.slice(0, queryAt));
    const fail = (error: GatewayError, reason?: string): Reply => {
      if (reason) logger.error(`${match?.route.functionId ?? '-'} ${method} ${describeTarget(url)} (request ${requestId}): ${reason}`);
      return { answer: gatewayAnswer(error) };
    };
    if (!match) {
      request.resume();
      return fail('missing-token');
    }
    const body = await readRequestBody(request, limits.requestBodyBytes);
    if (!body.ok) return body.reason === 'too-large' ? fail('too-large') : {};
    const served = functions.get(match.route.functionId);
    if (!served) return fail('internal-error', 'function is not served');

    const event = createEvent(
      {
        method,
        url,
        rawHeaders: request.rawHeaders,
        body: body.body,
        requestId,
        receivedAt,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        localPort: request.socket.localPort ?? 0,
      },
      match,
    );
    const build = await served.build.current();
    if (!build.ok) return fail('internal-error', 'the function does not build (see the build error above)');

    const invocation = served.pool.invoke(build.artifact, event, randomUUID());
    const outcome = await withTimeout(invocation, limits.integrationTimeoutMs);
    if (outcome === TIMED_OUT) {
      void invocation.then(
        (late) => !late.ok && logger.error(`${match.route.functionId} (request ${requestId}, after the 504): ${late.reason}`),
      );
      return fail('timed-out', `no answer within ${limits.integrationTimeoutMs} ms`);
    }
    const reached = { functionId: match.route.functionId, coldStart: outcome.coldStart };
    if (!outcome.ok) return { ...fail('internal-error', outcome.reason), ...reached };
    const payloadBytes = Buffer.byteLength(outcome.payload);
    if (payloadBytes > limits.responsePayloadBytes) {
      return {
        ...fail(
          'internal-error',
          `Response payload size (${payloadBytes} bytes) exceeded maximum allowed payload size (${limits.responsePayloadBytes} bytes)`,
        ),
        ...reached,
      };
    }
    const result = readLambdaResult(outcome.payload, request.headers.accept, match.route.api.binaryMediaTypes);
    if (!result.ok) return { ...fail('internal-error', result.reason), ...reached };
    return { answer: { ...result.answer, headers: remapResponseHeaders(result.answer.headers) }, ...reached };
  }

  return (request, response) => {
    const started = performance.now();
    const receivedAt = new Date();
    const requestId = randomUUID();
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    reply(request, requestId, receivedAt)
      .catch((error: unknown): Reply => {
        logger.error(`${method} ${describeTarget(url)} (request ${requestId}): ${(error as Error).stack ?? String(error)}`);
        return { answer: gatewayAnswer('internal-error') };
      })
      .then(({ answer, functionId, coldStart }) => {
        if (answer) sendAnswer(response, answer, requestId);
        logger.info(
          formatAccessLine({
            method,
            url,
            status: answer?.statusCode ?? 'aborted',
            durationMs: performance.now() - started,
            functionId,
            coldStart: coldStart ?? false,
            ...(answer ? {} : { note: 'the client closed the connection mid-body' }),
          }),
        );
      })
      .catch((error: unknown) => logger.error(`could not answer ${method} ${describeTarget(url)}: ${String(error)}`));
  };
}
