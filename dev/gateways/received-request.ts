import { randomBytes } from 'node:crypto';
import { decodeQueryComponent } from './decode-component';

/** What the local server knows of one HTTP request. */
export interface ReceivedRequest {
  method: string;
  /** The request target as sent: `/express/ping?a=1`. */
  url: string;
  /** Name, value, name, value, ... with the client's spelling and order. */
  rawHeaders: string[];
  body: Buffer;
  sourceIp: string;
  localPort: number;
  /** Whether it came over TLS (`--ssl-cert-file`): X-Forwarded-Proto says which. Plain HTTP when absent. */
  encrypted?: boolean;
  requestId: string;
  receivedAt: Date;
  /** The X-Amzn-Trace-Id root API Gateway adds, drawn once: an authorizer and the function see the same. */
  traceRoot: string;
}

/** A trace root as X-Ray writes it: `1-<epoch seconds, hex>-<96 random bits, hex>`. */
export function drawTraceRoot(receivedAt: Date): string {
  return `1-${Math.floor(receivedAt.getTime() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;
}

export type MultiMap = Record<string, string[]>;

/** The target's path and query as sent, still percent-encoded: `/a%20b` and `x=1&y=2`. */
export function splitTarget(url: string): { path: string; query: string } {
  const queryAt = url.indexOf('?');
  return queryAt < 0 ? { path: url, query: '' } : { path: url.slice(0, queryAt), query: url.slice(queryAt + 1) };
}

export function collectHeaders(rawHeaders: readonly string[]): MultiMap {
  // No prototype: a header named `constructor`, `__proto__` or `toString` is a name like any other.
  const headers = Object.create(null) as MultiMap;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string;
    (headers[name] ??= []).push(rawHeaders[i + 1] as string);
  }
  return headers;
}

export function findHeader(headers: MultiMap, name: string): string | undefined {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key]?.at(-1);
}

function setDefault(headers: MultiMap, name: string, value: string): void {
  if (findHeader(headers, name.toLowerCase()) === undefined) headers[name] = [value];
}

/** The headers as the function sees them: the client's, and those API Gateway and Function URLs add. */
export function headersWithGatewayHeaders(request: ReceivedRequest): MultiMap {
  const headers = collectHeaders(request.rawHeaders);
  const forwardedFor = Object.keys(headers).find((name) => name.toLowerCase() === 'x-forwarded-for');
  if (forwardedFor) headers[forwardedFor] = [`${headers[forwardedFor]?.at(-1)}, ${request.sourceIp}`];
  else headers['X-Forwarded-For'] = [request.sourceIp];
  setDefault(headers, 'X-Forwarded-Port', String(request.localPort));
  setDefault(headers, 'X-Forwarded-Proto', request.encrypted === true ? 'https' : 'http');
  setDefault(headers, 'X-Amzn-Trace-Id', `Root=${request.traceRoot}`);
  return headers;
}

export function headerPairs(headers: MultiMap): [string, string][] {
  return Object.entries(headers).flatMap(([name, values]) => values.map((value): [string, string] => [name, value]));
}

export function parseQuery(query: string): [string, string][] {
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return [
        decodeQueryComponent(equals < 0 ? pair : pair.slice(0, equals)),
        equals < 0 ? '' : decodeQueryComponent(pair.slice(equals + 1)),
      ];
    });
}
