import { isRecord } from '../../../shared/event-fields';
import type { RequestSpec } from '../../../dev/sample-events/sample-request';

export type FormatName = 'rest-v1' | 'http-v2' | 'function-url' | 'alb-single' | 'alb-multi' | 'lattice-v1' | 'lattice-v2';

/** A result read back into what a client would get. */
export interface ReadResult {
  readonly status: number;
  /** Lower-case names; `set-cookie` is in `cookies` instead. */
  readonly headers: Readonly<Record<string, readonly string[]>>;
  readonly cookies: readonly string[];
  readonly body: Buffer;
}

/**
 * One event source, as the tests see it: how it turns a client's request into an event, how
 * a client would read its result, and what it loses on the way (which the tests expect).
 */
export interface FormatFixture {
  readonly name: FormatName;
  buildEvent(spec: RequestSpec): Record<string, unknown>;
  readResult(result: unknown): ReadResult;
  /** What is wrong with a result's shape for this format (the same event's mode): [] when well-formed. */
  shapeProblems(result: unknown): string[];
  /** The values the app sees for one request header sent with `values`. */
  requestHeaderValues(values: readonly string[]): string[];
  /** The query pairs the app sees for the pairs sent. */
  requestQuery(pairs: readonly (readonly [string, string])[]): [string, string][];
  /** How one response header with `values` reads back from the result. */
  responseHeaderValues(values: readonly string[]): string[];
  /** Whether every Set-Cookie reaches the client (ALB single-value mode can carry one). */
  readonly carriesEveryCookie: boolean;
  /** Where the result carries Set-Cookie: a list in `multiValueHeaders` or `cookies`, one value in `headers`. */
  readonly cookieField: 'multiValueHeaders' | 'cookies' | 'headers';
  /** Whether a named stage arrives inside the event's path (HTTP API `rawPath`). */
  readonly stageInPath: boolean;
  /** Whether the event tells the client's IP (ALB events do not). */
  readonly tellsSourceIp: boolean;
}

// Hop-by-hop headers describe one connection; a result must not carry them.
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'proxy-connection'];
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function addValues(headers: Record<string, string[]>, name: string, values: readonly string[]): void {
  const key = name.toLowerCase();
  headers[key] = [...(headers[key] ?? []), ...values];
}

/** Reads `headers`, `multiValueHeaders` and (2.0) `cookies` the way API Gateway and ALB merge them. */
export function readGenericResult(result: unknown): ReadResult {
  if (!isRecord(result)) throw new Error(`the result is not an object: ${String(result)}`);
  const headers: Record<string, string[]> = {};
  const multi = isRecord(result['multiValueHeaders']) ? result['multiValueHeaders'] : {};
  const single = isRecord(result['headers']) ? result['headers'] : {};
  for (const [name, values] of Object.entries(multi)) addValues(headers, name, (values as unknown[]).map(String));
  for (const [name, value] of Object.entries(single)) {
    if (!(name.toLowerCase() in headers)) addValues(headers, name, [String(value)]);
  }
  const cookies = [
    ...(Array.isArray(result['cookies']) ? (result['cookies'] as unknown[]).map(String) : []),
    ...(headers['set-cookie'] ?? []),
  ];
  delete headers['set-cookie'];
  const body = typeof result['body'] === 'string' ? result['body'] : '';
  return {
    status: Number(result['statusCode']),
    headers,
    cookies,
    body: result['isBase64Encoded'] === true ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8'),
  };
}

function headerMapProblems(result: Record<string, unknown>, key: 'headers' | 'multiValueHeaders'): string[] {
  const map = result[key];
  if (map === undefined) return [];
  if (!isRecord(map)) return [`${key} is not an object`];
  const problems: string[] = [];
  for (const [name, value] of Object.entries(map)) {
    if (HOP_BY_HOP.includes(name.toLowerCase())) problems.push(`${key} carries hop-by-hop ${name}`);
    const values = key === 'headers' ? [value] : value;
    if (!Array.isArray(values)) {
      problems.push(`${key}.${name} is not a list`);
      continue;
    }
    for (const item of values) {
      if (typeof item !== 'string') problems.push(`${key}.${name} has a ${typeof item} value`);
      else if (/[\r\n\0]/.test(item)) problems.push(`${key}.${name} has CR, LF or NUL`);
    }
  }
  return problems;
}

/** Shape rules every format shares: status, body, base64 flag, header maps. */
export function commonShapeProblems(result: unknown): string[] {
  if (!isRecord(result)) return [`the result is not an object: ${JSON.stringify(result)}`];
  const problems: string[] = [];
  const status = result['statusCode'];
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599)
    problems.push(`statusCode ${String(status)}`);
  if (typeof result['body'] !== 'string') problems.push(`body is ${typeof result['body']}`);
  if (typeof result['isBase64Encoded'] !== 'boolean') problems.push('isBase64Encoded is not a boolean');
  if (result['isBase64Encoded'] === true && typeof result['body'] === 'string' && !BASE64.test(result['body'])) {
    problems.push('isBase64Encoded but the body is not base64');
  }
  problems.push(...headerMapProblems(result, 'headers'), ...headerMapProblems(result, 'multiValueHeaders'));
  return problems;
}

export function cookiesKeyProblems(result: unknown): string[] {
  return isRecord(result) && 'cookies' in result ? ['a cookies key (API Gateway v1 and ALB answer 502)'] : [];
}
