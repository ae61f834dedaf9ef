import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const API = '/2018-06-01/runtime';

/** What the next `GET /invocation/next` hands out, with the headers the Lambda service would send. */
export interface Invocation {
  readonly event: unknown;
  readonly requestId?: string;
  readonly deadlineMs?: number;
  readonly functionArn?: string;
  readonly traceId?: string;
  /** Sent as the `Lambda-Runtime-Client-Context` header (JSON). */
  readonly clientContext?: unknown;
  /** Sent as the `Lambda-Runtime-Cognito-Identity` header (JSON). */
  readonly cognitoIdentity?: unknown;
  readonly tenantId?: string;
}

/** One body piece as it arrived on the socket (not one `write()`: TCP may split or merge them). */
export interface ArrivedChunk {
  readonly bytes: Buffer;
  /** Milliseconds since the invocation was handed out. */
  readonly atMs: number;
}

/** A request the runtime client posted, with everything that arrived on the wire. */
export interface Post {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly chunks: readonly ArrivedChunk[];
  readonly trailers: Record<string, string | undefined>;
  /** Whether the connection closed before the request's last chunk: the client cut its request. */
  readonly aborted: boolean;
}

/** How the runtime client finished one invocation: `POST .../response` or `POST .../error`. */
export interface Outcome extends Post {
  readonly requestId: string;
  readonly kind: 'response' | 'error';
  /** The body parsed as JSON, or undefined when it is not JSON (a streamed body). */
  readonly json: unknown;
}

/** One entry of the ordered record of what happened: requests from the client, and marks from handlers. */
export type TimelineEntry = {
  readonly kind: 'next' | 'response-start' | 'response-end' | 'error' | 'init-error' | 'mark';
  readonly detail: string;
};

export interface RuntimeApi {
  /** `host:port`, the value of `AWS_LAMBDA_RUNTIME_API`. */
  readonly address: string;
  /** Queues an invocation and resolves with how the client finished it. */
  invoke(invocation: Invocation): Promise<Outcome>;
  /** Resolves with the client's `POST /init/error`. */
  readonly initError: Promise<Post>;
  /** Every request and mark in arrival order; a handler adds a mark with `GET /test/mark/<name>`. */
  readonly timeline: readonly TimelineEntry[];
  /** Every `GET /invocation/next`, with its headers (the client's user agent lives there). */
  readonly nextRequests: readonly IncomingHttpHeaders[];
  /** Resolves once the client has asked for its `count`-th invocation. */
  nextRequested(count: number): Promise<void>;
  close(): Promise<void>;
}

interface Pending {
  readonly invocation: Invocation;
  readonly requestId: string;
  handedOutAt: number;
  settle(outcome: Outcome): void;
}

function receive(request: IncomingMessage, startedAt: number): Promise<Post> {
  return new Promise((resolve) => {
    const chunks: ArrivedChunk[] = [];
    const settle = (aborted: boolean): void =>
      resolve({
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks.map((chunk) => chunk.bytes)),
        chunks,
        trailers: { ...request.trailers },
        aborted,
      });
    request.on('data', (bytes: Buffer) => chunks.push({ bytes, atMs: performance.now() - startedAt }));
    // A request cut mid-body is what it is: recorded, not a failure of this API.
    request.on('error', () => settle(true));
    request.on('close', () => settle(!request.complete));
    request.on('end', () => settle(false));
  });
}

function parseJson(post: Post): unknown {
  try {
    return JSON.parse(post.body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function invocationHeaders(pending: Pending): Record<string, string> {
  const { invocation } = pending;
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Lambda-Runtime-Aws-Request-Id': pending.requestId,
    'Lambda-Runtime-Deadline-Ms': String(invocation.deadlineMs ?? Date.now() + 60_000),
    'Lambda-Runtime-Invoked-Function-Arn': invocation.functionArn ?? 'arn:aws:lambda:xx-local-1:000000000000:function:RicTestFunction',
    'Lambda-Runtime-Trace-Id': invocation.traceId ?? 'Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0',
  };
  if (invocation.clientContext !== undefined) headers['Lambda-Runtime-Client-Context'] = JSON.stringify(invocation.clientContext);
  if (invocation.cognitoIdentity !== undefined) headers['Lambda-Runtime-Cognito-Identity'] = JSON.stringify(invocation.cognitoIdentity);
  if (invocation.tenantId !== undefined) headers['Lambda-Runtime-Aws-Tenant-Id'] = invocation.tenantId;
  return headers;
}

/**
 * A local implementation of the Lambda Runtime API on a free loopback port: it hands out queued
 * invocations to `GET /invocation/next` (holding the request open while the queue is empty, as the
 * service does) and records everything the runtime client posts back.
 */
export async function startRuntimeApi(): Promise<RuntimeApi> {
  const queue: Pending[] = [];
  const waiting: ServerResponse[] = [];
  const inFlight = new Map<string, Pending>();
  const timeline: TimelineEntry[] = [];
  const nextRequests: IncomingHttpHeaders[] = [];
  const nextWatchers: { count: number; resolve: () => void }[] = [];
  let reportInitError: (post: Post) => void = () => undefined;
  const initError = new Promise<Post>((resolve) => (reportInitError = resolve));

  function handOut(response: ServerResponse, pending: Pending): void {
    pending.handedOutAt = performance.now();
    inFlight.set(pending.requestId, pending);
    response.writeHead(200, invocationHeaders(pending));
    response.end(JSON.stringify(pending.invocation.event));
  }

  async function finish(request: IncomingMessage, response: ServerResponse, requestId: string, kind: Outcome['kind']): Promise<void> {
    const pending = inFlight.get(requestId);
    if (!pending) {
      response.writeHead(400, { 'Content-Type': 'application/json' }).end('{"errorMessage":"unknown request id"}');
      return;
    }
    if (kind === 'response') timeline.push({ kind: 'response-start', detail: requestId });
    const post = await receive(request, pending.handedOutAt);
    timeline.push({ kind: kind === 'response' ? 'response-end' : 'error', detail: requestId });
    inFlight.delete(requestId);
    response.writeHead(202, { 'Content-Type': 'application/json' }).end('{"status":"OK"}');
    pending.settle({ ...post, requestId, kind, json: parseJson(post) });
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = request.url ?? '';
    if (request.method === 'GET' && path === `${API}/invocation/next`) {
      timeline.push({ kind: 'next', detail: '' });
      nextRequests.push(request.headers);
      for (const watcher of nextWatchers.filter((w) => w.count <= nextRequests.length)) watcher.resolve();
      const pending = queue.shift();
      if (pending) handOut(response, pending);
      else waiting.push(response);
      return;
    }
    const invocationPost = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/.exec(path);
    if (request.method === 'POST' && invocationPost) {
      await finish(request, response, decodeURIComponent(invocationPost[1] ?? ''), invocationPost[2] === 'error' ? 'error' : 'response');
      return;
    }
    if (request.method === 'POST' && path === `${API}/init/error`) {
      const post = await receive(request, performance.now());
      timeline.push({ kind: 'init-error', detail: String(post.headers['lambda-runtime-function-error-type']) });
      response.writeHead(202, { 'Content-Type': 'application/json' }).end('{"status":"OK"}');
      reportInitError(post);
      return;
    }
    const mark = /^\/test\/mark\/(.+)$/.exec(path);
    if (mark) {
      timeline.push({ kind: 'mark', detail: decodeURIComponent(mark[1] ?? '') });
      response.writeHead(204).end();
      return;
    }
    response.writeHead(404, { 'Content-Type': 'application/json' }).end('{"errorMessage":"not a Runtime API path"}');
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    address: `127.0.0.1:${port}`,
    timeline,
    nextRequests,
    initError,
    nextRequested(count) {
      if (nextRequests.length >= count) return Promise.resolve();
      return new Promise<void>((resolve) => nextWatchers.push({ count, resolve }));
    },
    invoke(invocation) {
      return new Promise<Outcome>((settle) => {
        const pending: Pending = { invocation, requestId: invocation.requestId ?? randomUUID(), handedOutAt: 0, settle };
        const poller = waiting.shift();
        if (poller) handOut(poller, pending);
        else queue.push(pending);
      });
    },
    async close() {
      // The client holds `GET /next` open forever; end those answers so the server can close.
      for (const poller of waiting.splice(0)) poller.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
