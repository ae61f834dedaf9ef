import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { getInvocation, type LambdaHttpEvent } from '../../../shared';

/**
 * What the test routes answer, the same in every framework. Each framework's test routes
 * (express.ts, koa.ts, fastify.ts) only wire these to its own router.
 */

/** A 1x1 PNG: its bytes are not valid UTF-8, so a text round trip would corrupt them. */
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** Two cookies; the second's Expires has a comma, so joining or splitting on commas breaks it. */
export const SET_COOKIES = ['session=abc123; Path=/; HttpOnly; Secure', 'theme=dark; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Path=/'];

export const GZIP_JSON = { compressed: true, items: [1, 2, 3] };
export const GZIP_BYTES = gzipSync(Buffer.from(JSON.stringify(GZIP_JSON)));

export const CHUNKS = ['first chunk|', 'second chunk|', 'x'.repeat(20_000), '|last chunk'];

/** Bodies past Lambda's 6 MB response limit, each in a way the result's size grows. */
export const BIG_BODIES = {
  /** 6.5 MB of plain text: over the limit as it is. */
  text: { contentType: 'text/plain', body: () => 'x'.repeat(6.5 * 1024 * 1024) },
  /** 5 MB of bytes: under the limit, but 6.7 MB once base64. */
  binary: { contentType: 'application/octet-stream', body: () => Buffer.alloc(5 * 1024 * 1024, 0xff) },
  /** 1.9 MB of control characters: valid UTF-8 text, but JSON writes each as `\u0001` (11.4 MB). */
  escaped: { contentType: 'text/plain', body: () => '\u0001'.repeat(1.9 * 1024 * 1024) },
} as const;

export type BigBodyKind = keyof typeof BIG_BODIES;

export function bigBody(kind: unknown): (typeof BIG_BODIES)[BigBodyKind] {
  return typeof kind === 'string' && kind in BIG_BODIES ? BIG_BODIES[kind as BigBodyKind] : BIG_BODIES.text;
}

/** Invocation headers a client might send to pose as another invocation. */
export const SPOOF_HEADERS: [string, string][] = [
  ['x-amzn-requestid', 'spoofed-request-id'],
  ['x-amz-request-id', 'spoofed-request-id'],
  ['lambda-runtime-aws-request-id', 'spoofed-request-id'],
  ['x-amzn-trace-id', 'Root=1-spoofed'],
];

/** What `/inspect` answers: the request as the app received it. */
export interface Inspection {
  readonly method: string;
  readonly url: string;
  readonly path: string;
  /** The query as the framework parsed it. */
  readonly query: unknown;
  readonly headers: Record<string, unknown>;
  readonly rawHeaders: string[];
  /** The body's bytes, base64. */
  readonly body: string;
  readonly ip: string | undefined;
  readonly protocol: string;
  readonly requestId: string | undefined;
}

export interface FrameworkView {
  readonly query: unknown;
  readonly ip: string | undefined;
  readonly protocol: string;
  readonly body: Buffer | undefined;
}

export function inspect(req: IncomingMessage, view: FrameworkView): Inspection {
  const url = req.url ?? '';
  const question = url.indexOf('?');
  return {
    method: req.method ?? '',
    url,
    path: question === -1 ? url : url.slice(0, question),
    query: view.query,
    headers: { ...req.headers },
    rawHeaders: [...req.rawHeaders],
    body: (view.body ?? Buffer.alloc(0)).toString('base64'),
    ip: view.ip,
    protocol: view.protocol,
    requestId: getInvocation(req)?.context.awsRequestId,
  };
}

/** The `x-probe` header of the event itself (not of the request), whatever its format. */
function probeOf(event: LambdaHttpEvent): string | undefined {
  const record = event as unknown as Record<string, Record<string, unknown> | undefined>;
  for (const map of [record['headers'], record['multiValueHeaders']]) {
    for (const [name, value] of Object.entries(map ?? {})) {
      if (name.toLowerCase() === 'x-probe') return Array.isArray(value) ? String(value[0]) : String(value);
    }
  }
  return undefined;
}

export interface InvocationReading {
  readonly requestId: string | undefined;
  readonly probe: string | undefined;
}

/** What `/slow-invocation` answers: the invocation read before and after awaiting. */
export interface InvocationReport {
  readonly before: InvocationReading;
  readonly after: InvocationReading;
  /** The `x-probe` header of the request itself. */
  readonly requestProbe: string | undefined;
}

function readInvocation(req: IncomingMessage): InvocationReading {
  const invocation = getInvocation(req);
  return { requestId: invocation?.context.awsRequestId, probe: invocation && probeOf(invocation.event) };
}

export async function readInvocationTwice(req: IncomingMessage): Promise<InvocationReport> {
  const before = readInvocation(req);
  // Other invocations run while this one waits: a module-level "current invocation" would change.
  await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 15)));
  await new Promise((resolve) => setImmediate(resolve));
  const after = readInvocation(req);
  const header = req.headers['x-probe'];
  return { before, after, requestProbe: Array.isArray(header) ? header[0] : header };
}

export const neverSettles = (): Promise<never> => new Promise<never>(() => undefined);

/**
 * Writes CHUNKS with one `res.write` each. With `explicitFraming` the app itself sets
 * `Transfer-Encoding: chunked`, the one case where Node frames the body it writes.
 */
export function writeChunks(res: ServerResponse, explicitFraming: boolean): void {
  const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
  if (explicitFraming) headers['transfer-encoding'] = 'chunked';
  res.writeHead(200, headers);
  const [first, ...rest] = CHUNKS;
  res.write(first);
  let index = 0;
  // Later chunks in later ticks, as a streaming app writes them.
  const writeNext = (): void => {
    const chunk = rest[index];
    index += 1;
    if (chunk === undefined) {
      res.end();
      return;
    }
    res.write(chunk);
    setImmediate(writeNext);
  };
  setImmediate(writeNext);
}

/** Starts a 200 answer, then breaks the response stream: the client must not get the partial body. */
export function breakMidway(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.write('partial body');
  setImmediate(() => res.destroy(new Error('secret failure detail')));
}

/** Completions of `/late` answers, so a test can wait for the writes that follow its 504. */
export const lateAnswers: Promise<void>[] = [];

/** Answers after `delayMs`, long after the helper has given up on the invocation. */
export function answerLate(res: ServerResponse, delayMs: number): void {
  lateAnswers.push(
    new Promise<void>((resolve) => {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('too ');
        res.end('late', () => resolve());
        // A destroyed response never calls back: settle anyway.
        setImmediate(resolve);
      }, delayMs);
    }),
  );
}

/** `/late` answers this long after the request: well past the 504 of a context with 600 ms left (at 100 ms). */
export const LATE_ANSWER_MS = 300;

/** What every app's failing routes throw: tests check it never reaches a response. */
export const SECRET_FAILURE = 'secret failure detail';

/** A route that throws synchronously. */
export function throwSecret(): never {
  throw new Error(SECRET_FAILURE);
}

/** A route that rejects after an await. */
export async function rejectSecret(): Promise<never> {
  await Promise.resolve();
  throw new Error(SECRET_FAILURE);
}
