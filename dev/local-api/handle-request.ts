import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { sendAnswer } from './send-answer';
import { answerStreamed } from '../gateways/answer-streamed';
import type { InvocationOutcome } from '../lambda-runtime/function-pool';
import type { ServedFunction } from '../local-functions/serve-functions';
import type { Gateway, GatewayFailure } from '../gateways/gateway';
import type { Limits } from '../gateways/limits';
import { checkRequestHead } from './check-request-head';
import type { Logger } from '../console/logger';
import { describeTarget, formatAccessLine } from './log-access';
import type { HttpAnswer } from '../gateways/read-lambda-result';
import { readRequestBody } from '../local-functions/read-request-body';
import { drawTraceRoot, splitTarget, type ReceivedRequest } from '../gateways/received-request';

export interface RequestHandlerSetup {
  /** The gateways this port serves, in routing order (REST API before HTTP API); read per request, since a reload replaces them. */
  gateways: () => readonly Gateway[];
  functions: ReadonlyMap<string, ServedFunction>;
  limits: Limits;
  logger: Logger;
}

interface Reply {
  /** Undefined when the client left before it could be answered. */
  answer?: HttpAnswer;
  /** Who answered: its headers go on the answer. */
  gateway?: Gateway;
  functionId?: string;
  coldStart?: boolean;
  /** Why the function did not run, for the access line (an authorizer refused). */
  note?: string;
  /** A streamed answer, already sent: its status, and why its body was cut short when it was. */
  streamed?: { status: number | 'aborted'; note?: string };
}

/** The gateway whose route took the request, once one has: it answers even a failure nobody planned for. */
interface Answering {
  gateway?: Gateway;
}

const TIMED_OUT = Symbol('timed out');

function withTimeout(invocation: Promise<InvocationOutcome>, ms: number | undefined): Promise<InvocationOutcome | typeof TIMED_OUT> {
  if (ms === undefined) return invocation;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([invocation, deadline]).finally(() => clearTimeout(timer));
}

/** Serves one request as its gateway and Lambda would: route, event, invocation, answer, access log. */
export function createRequestHandler(setup: RequestHandlerSetup): (request: IncomingMessage, response: ServerResponse) => void {
  const { gateways, functions, limits, logger } = setup;

  // An authorizer runs as any function does, in its own instances, under the route's timeout too.
  async function invokeOnce(functionId: string, event: unknown, timeoutMs: number | undefined) {
    const fn = functions.get(functionId);
    if (!fn) return { ok: false as const, reason: `${functionId} is not served (not built with esbuild?)` };
    const build = await fn.build.current();
    if (!build.ok) return { ok: false as const, reason: `${functionId} does not build (see the build error above)` };
    const outcome = await withTimeout(fn.pool.invoke(build.artifact, event, randomUUID()), timeoutMs);
    return outcome === TIMED_OUT ? { ok: false as const, reason: `no answer within ${timeoutMs} ms` } : outcome;
  }

  async function reply(
    request: IncomingMessage,
    response: ServerResponse,
    requestId: string,
    receivedAt: Date,
    answering: Answering,
  ): Promise<Reply> {
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const served = gateways();
    const first = served[0];
    if (!first) throw new Error('no gateway serves this port');
    const refusal = checkRequestHead(request, limits);
    if (refusal) {
      request.resume();
      return { answer: first.refuse(refusal), gateway: first };
    }
    const rawPath = splitTarget(url).path;
    let route;
    for (const gateway of served) {
      route = gateway.route(method, rawPath, request.headers);
      if (route) break;
    }
    if (!route) {
      request.resume();
      // REST API comes first in the list, HTTP API later; the later owner makes the narrower claim
      // (a named stage, a `$default` catch-all), so its Not Found wins over REST's 403.
      const owner = served.filter((gateway) => gateway.owns(rawPath)).at(-1) ?? first;
      return { answer: owner.refuse('no-route'), gateway: owner };
    }
    const { gateway, functionId } = route;
    answering.gateway = gateway;
    const fail = (failure: GatewayFailure, reason?: string): Reply => {
      if (reason) logger.error(`${functionId ?? gateway.kind} ${method} ${describeTarget(url)} (request ${requestId}): ${reason}`);
      return { answer: gateway.refuse(failure), gateway };
    };
    const body = await readRequestBody(request, limits.requestBodyBytes);
    if (!body.ok) return body.reason === 'too-large' ? fail('too-large') : {};
    const received: ReceivedRequest = {
      method,
      url,
      rawHeaders: request.rawHeaders,
      body: body.body,
      requestId,
      receivedAt,
      traceRoot: drawTraceRoot(receivedAt),
      sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
      localPort: request.socket.localPort ?? 0,
      encrypted: 'encrypted' in request.socket,
    };
    let authorizer: Record<string, unknown> | undefined;
    if (route.authorize) {
      const authorization = await route.authorize(received, (id, event) => invokeOnce(id, event, route.timeoutMs));
      if (!authorization.allowed) {
        if (authorization.reason) logger.error(`${method} ${describeTarget(url)} (request ${requestId}): ${authorization.reason}`);
        return { answer: authorization.answer, gateway, note: 'refused by the authorizer' };
      }
      authorizer = authorization.requestContextAuthorizer;
    }
    if (route.answer || functionId === undefined) return { answer: route.answer?.(received) ?? gateway.refuse('no-route'), gateway };
    const fn = functions.get(functionId);
    if (!fn) return fail('function-error', 'function is not served');

    const event = route.createEvent(received, authorizer);
    const build = await fn.build.current();
    if (!build.ok) return fail('function-error', 'the function does not build (see the build error above)');

    if (route.invokeMode === 'RESPONSE_STREAM') {
      // No gateway timeout on a stream: the function's own Timeout ends it.
      const streamed = await answerStreamed({
        response,
        invoke: (stream) => fn.pool.invoke(build.artifact, event, randomUUID(), stream),
        reading: route.streamReading ?? { preludeAlways: true, remapHeaders: (headers) => headers },
        finishHead: (head) => gateway.finish({ ...head, body: Buffer.alloc(0) }, requestId),
      });
      const reached = { functionId, coldStart: streamed.coldStart };
      if (streamed.kind === 'refused') return { ...fail('function-error', streamed.reason), ...reached };
      if (streamed.kind === 'aborted')
        return { streamed: { status: 'aborted', note: 'the client closed the connection mid-stream' }, ...reached };
      if (streamed.failure) fail('function-error', `the stream was cut after its prelude: ${streamed.failure}`);
      return {
        streamed: { status: streamed.statusCode, ...(streamed.failure ? { note: 'the function failed mid-stream' } : {}) },
        ...reached,
      };
    }

    const invocation = fn.pool.invoke(build.artifact, event, randomUUID());
    const outcome = await withTimeout(invocation, route.timeoutMs);
    if (outcome === TIMED_OUT) {
      const answered = gateway.refuse('timed-out').statusCode;
      void invocation.then(
        (late) => !late.ok && logger.error(`${functionId} (request ${requestId}, after the ${answered}): ${late.reason}`),
      );
      return fail('timed-out', `no answer within ${route.timeoutMs} ms`);
    }
    const reached = { functionId, coldStart: outcome.coldStart };
    if (!outcome.ok) return { ...fail('function-error', outcome.reason), ...reached };
    const payloadBytes = Buffer.byteLength(outcome.payload);
    if (payloadBytes > limits.responsePayloadBytes) {
      return {
        ...fail(
          'function-error',
          `Response payload size (${payloadBytes} bytes) exceeded maximum allowed payload size (${limits.responsePayloadBytes} bytes)`,
        ),
        ...reached,
      };
    }
    const result = route.readResult(outcome.payload, request.headers);
    if (!result.ok) return { ...fail('function-error', result.reason), ...reached };
    return { answer: result.answer, gateway, ...reached };
  }

  return (request, response) => {
    const started = performance.now();
    const receivedAt = new Date();
    const requestId = randomUUID();
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const answering: Answering = {};
    reply(request, response, requestId, receivedAt, answering)
      .catch((error: unknown): Reply => {
        logger.error(`${method} ${describeTarget(url)} (request ${requestId}): ${(error as Error).stack ?? String(error)}`);
        const gateway = answering.gateway ?? gateways()[0];
        return gateway ? { answer: gateway.refuse('function-error'), gateway } : {};
      })
      .then(({ answer, gateway, functionId, coldStart, streamed, note: refusal }) => {
        if (answer) sendAnswer(response, gateway ? gateway.finish(answer, requestId) : answer);
        const note = streamed ? streamed.note : answer ? refusal : 'the client closed the connection mid-body';
        logger.info(
          formatAccessLine({
            method,
            url,
            status: streamed?.status ?? answer?.statusCode ?? 'aborted',
            durationMs: performance.now() - started,
            functionId,
            coldStart: coldStart ?? false,
            ...(note === undefined ? {} : { note }),
          }),
        );
      })
      .catch((error: unknown) => logger.error(`could not answer ${method} ${describeTarget(url)}: ${String(error)}`));
  };
}
