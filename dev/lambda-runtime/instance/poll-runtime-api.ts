import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { ErrorReport, InvocationRequest } from './instance-messages';
import { postStreamedResponse, type RuntimeApiTarget } from './post-streamed-response';
import { reportOf, type InvocationResult, type StartedRuntime } from './start-function-runtime';

const API = '/2018-06-01/runtime';
// `GET /next` waits as long as no invocation comes: no timeout, one kept-alive connection.
const agent = new Agent({ keepAlive: true });

interface Answer {
  headers: IncomingHttpHeaders;
  body: string;
}

const targetOf = (address: string): RuntimeApiTarget => ({
  host: address.slice(0, address.lastIndexOf(':')),
  port: Number(address.slice(address.lastIndexOf(':') + 1)),
  path: API,
  agent,
});

function call(address: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  const { host, port } = targetOf(address);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host, port, method, path: `${API}${path}`, headers, agent }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => resolve({ headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const parseJsonHeader = (value: string | undefined): unknown => (value ? JSON.parse(value) : undefined);

/** The invocation `GET /invocation/next` hands out, read from its headers as the runtime reads them. */
function readInvocation(next: Answer): InvocationRequest {
  const xRayTraceId = header(next.headers, 'lambda-runtime-trace-id');
  const tenantId = header(next.headers, 'lambda-runtime-aws-tenant-id');
  return {
    awsRequestId: header(next.headers, 'lambda-runtime-aws-request-id') ?? '',
    event: JSON.parse(next.body) as unknown,
    deadlineMs: Number.parseInt(header(next.headers, 'lambda-runtime-deadline-ms') ?? '', 10),
    invokedFunctionArn: header(next.headers, 'lambda-runtime-invoked-function-arn') ?? '',
    ...(xRayTraceId === undefined ? {} : { xRayTraceId }),
    ...(tenantId === undefined ? {} : { tenantId }),
    clientContext: parseJsonHeader(header(next.headers, 'lambda-runtime-client-context')),
    identity: parseJsonHeader(header(next.headers, 'lambda-runtime-cognito-identity')),
  };
}

async function postResult(address: string, awsRequestId: string, result: InvocationResult): Promise<void> {
  const id = encodeURIComponent(awsRequestId);
  const json = { 'Content-Type': 'application/json' };
  // Like the runtime's native client: no error-type header on an invocation error, the type is in the body.
  if (result.kind === 'response') await call(address, 'POST', `/invocation/${id}/response`, json, result.payload);
  else await call(address, 'POST', `/invocation/${id}/error`, json, JSON.stringify(result.error));
}

/** Reports a failed init to the Runtime API, as the runtime does before its process exits. */
export async function postInitError(address: string, error: ErrorReport): Promise<void> {
  await call(
    address,
    'POST',
    '/init/error',
    { 'Content-Type': 'application/json', 'Lambda-Runtime-Function-Error-Type': error.errorType },
    JSON.stringify(error),
  );
}

/**
 * Runs one invocation and answers it: a buffered handler's result or error in one post; a
 * streaming handler's bytes in a streamed post as they are written, its error in that post's
 * trailers (never an `/error` post), as the runtime's client does.
 */
async function serveInvocation(address: string, runtime: StartedRuntime, request: InvocationRequest): Promise<void> {
  if (!runtime.streaming) {
    await postResult(address, request.awsRequestId, await runtime.invoke(request));
    return;
  }
  const post = postStreamedResponse(targetOf(address), request.awsRequestId, reportOf);
  await runtime.invoke(request, post.open);
  await post.answered;
}

/**
 * Serves invocations from a Lambda Runtime API at `address` (`host:port`) forever: one at a time,
 * or, with overlapping invocations (Managed Instances), each started as soon as it arrives.
 */
export async function pollRuntimeApi(address: string, runtime: StartedRuntime): Promise<never> {
  for (;;) {
    const request = readInvocation(await call(address, 'GET', '/invocation/next'));
    const finished = serveInvocation(address, runtime, request);
    if (runtime.overlapping) finished.catch((error: unknown) => console.error('could not post the result', error));
    else await finished;
  }
}
