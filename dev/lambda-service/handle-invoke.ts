import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../console/logger';
import type { InvocationOutcome } from '../lambda-runtime/function-pool';
import type { ServedFunction } from '../local-functions/serve-functions';
import { readRequestBody } from '../local-functions/read-request-body';
import { LOCAL_REGION } from '../lambda-runtime/create-function-environment';
import { answerResponseStream } from './answer-response-stream';
import { answerServiceError, type ServiceError } from './lambda-errors';
import { createLogTail, INVOKE_LIMITS } from './invoke-limits';
import { findFunctionId, readInvokeTarget, type InvokeTarget } from './read-invoke-target';

const INVOCATION_TYPES = ['RequestResponse', 'Event', 'DryRun'] as const;

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The event a payload carries; no payload is `{}`, as the Lambda console and CLI send it. */
function parsePayload(body: Buffer): { ok: true; event: unknown } | { ok: false; reason: string } {
  if (body.length === 0) return { ok: true, event: {} };
  try {
    return { ok: true, event: JSON.parse(body.toString('utf8')) as unknown };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

/** A synchronous invocation's answer: the result, or Lambda's error object with `X-Amz-Function-Error`. */
function answerInvoked(response: ServerResponse, requestId: string, outcome: InvocationOutcome, logResult: string | undefined): void {
  let body = outcome.ok ? outcome.payload : JSON.stringify(outcome.error);
  let failed = !outcome.ok;
  const bytes = Buffer.byteLength(body);
  if (outcome.ok && bytes > INVOKE_LIMITS.responseBytes) {
    failed = true;
    body = JSON.stringify({
      errorType: 'Function.ResponseSizeTooLarge',
      errorMessage: `Response payload size (${bytes} bytes) exceeded maximum allowed payload size (${INVOKE_LIMITS.responseBytes} bytes).`,
    });
  }
  response.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'X-Amz-Executed-Version': '$LATEST',
    'x-amzn-RequestId': requestId,
    ...(failed ? { 'X-Amz-Function-Error': 'Unhandled' } : {}),
    ...(logResult === undefined ? {} : { 'X-Amz-Log-Result': logResult }),
  });
  response.end(body);
}

/**
 * Serves the Lambda Invoke API as the AWS SDK calls it: `Invoke` (RequestResponse, Event, DryRun)
 * and `InvokeWithResponseStream`, functions named by logical id (or an ARN ending in one), with
 * Lambda's payload quotas and its own errors.
 */
export function createInvokeHandler(
  functions: ReadonlyMap<string, ServedFunction>,
  logger: Logger,
): (request: IncomingMessage, response: ServerResponse) => void {
  async function serve(
    request: IncomingMessage,
    response: ServerResponse,
    requestId: string,
    named: InvokeTarget | undefined,
  ): Promise<string> {
    const fail = (error: ServiceError): string => {
      request.resume();
      answerServiceError(response, requestId, error);
      return `${error.status} ${error.code}`;
    };
    const target = request.method === 'POST' ? named : undefined;
    if (!target)
      return fail({
        code: 'ResourceNotFoundException',
        status: 404,
        message: `No such Lambda API operation: ${request.method} ${request.url}`,
      });
    const functionId = findFunctionId(target, (name) => (functions.has(name) ? name : undefined));
    const fn = functionId === undefined ? undefined : functions.get(functionId);
    if (functionId === undefined || !fn)
      return fail({
        code: 'ResourceNotFoundException',
        status: 404,
        message: `Function not found: arn:aws:lambda:${LOCAL_REGION}:000000000000:function:${target.name}`,
      });
    const asked = header(request, 'x-amz-invocation-type') ?? 'RequestResponse';
    const type = INVOCATION_TYPES.find((known) => known === asked);
    if (!type || (type === 'Event' && target.operation === 'InvokeWithResponseStream'))
      return fail({ code: 'InvalidParameterValueException', status: 400, message: `Unsupported InvocationType: ${asked}` });

    const limit = type === 'Event' ? INVOKE_LIMITS.eventBytes : INVOKE_LIMITS.requestResponseBytes;
    const body = await readRequestBody(request, limit);
    if (!body.ok && body.reason === 'client-gone') return 'caller left';
    if (!body.ok)
      return fail({
        code: 'RequestTooLargeException',
        status: 413,
        message: `Request must be smaller than ${limit} bytes for the InvokeFunction operation`,
      });
    const payload = parsePayload(body.body);
    if (!payload.ok)
      return fail({
        code: 'InvalidRequestContentException',
        status: 400,
        message: `Could not parse request body into json: ${payload.reason}`,
      });
    if (type === 'DryRun') {
      response.writeHead(204, { 'x-amzn-RequestId': requestId }).end();
      return '204 DryRun';
    }
    const build = await fn.build.current();
    if (!build.ok)
      return fail({ code: 'ServiceException', status: 500, message: `${functionId} does not build (see the build error above)` });

    // Only a Tail asks for the invocation's own lines; no one else keeps them.
    const tail = header(request, 'x-amz-log-type') === 'Tail' && type === 'RequestResponse' ? createLogTail() : undefined;
    const logResult = () => tail?.encode();
    const invoke = (stream?: Parameters<ServedFunction['pool']['invoke']>[3]) =>
      fn.pool.invoke(build.artifact, payload.event, requestId, stream, tail && ((line) => tail.push(line)));

    if (type === 'Event') {
      // Lambda queues the event and answers at once; the invocation runs on, its failure only logged.
      response.writeHead(202, { 'x-amzn-RequestId': requestId }).end();
      void invoke().then((outcome) => !outcome.ok && logger.error(`${functionId} (Event ${requestId}): ${outcome.reason}`));
      return '202 Event';
    }
    if (target.operation === 'InvokeWithResponseStream') {
      const outcome = await answerResponseStream({ response, requestId, invoke, logResult });
      return outcome === undefined ? 'caller left mid-stream' : `200 stream${outcome.ok ? '' : `, function error: ${outcome.reason}`}`;
    }
    const outcome = await invoke();
    answerInvoked(response, requestId, outcome, logResult());
    return `200${outcome.ok ? '' : `, function error: ${outcome.reason}`}`;
  }

  return (request, response) => {
    const requestId = randomUUID();
    const name = readInvokeTarget(request.url ?? '/');
    serve(request, response, requestId, name)
      .then((said) => logger.info(`Lambda ${name?.operation ?? request.method} ${name?.name ?? ''} (request ${requestId}): ${said}`))
      .catch((error: unknown) => {
        logger.error(`Lambda API (request ${requestId}): ${(error as Error).stack ?? String(error)}`);
        if (!response.headersSent)
          answerServiceError(response, requestId, {
            code: 'ServiceException',
            status: 500,
            message: 'The local Lambda API failed; see its log',
          });
        else response.destroy();
      });
  };
}
