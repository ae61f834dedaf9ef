import { validateHeaderName, validateHeaderValue } from 'node:http';
import { isRecord } from '../sam-model/is-record';

// How a gateway reads the headers a function's answer names, whether in a buffered result
// (read-lambda-result.ts, read-v2-result.ts) or a stream's prelude (read-stream-prelude.ts).
// Each caller says what differs: which framing headers the gateway drops, in which order the
// single- and multi-value maps merge, whether a repeated value is kept, where cookies go.

/** A field of a function's answer a gateway cannot answer with; the message is the gateway's reason. */
export class MalformedResult extends Error {}

/** The headers of an answer: each name (as first given) with its values in order. */
export type HeaderMap = Map<string, string[]>;

export type HeaderValue = string | number | boolean;

export function isHeaderValue(value: unknown): value is HeaderValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

export interface HeaderRules {
  /** Lower-case names the gateway drops because it frames the answer itself. */
  readonly dropped: ReadonlySet<string>;
  /** Whether a value the name already has is left out (API Gateway's merge of its two maps). */
  readonly once?: boolean;
}

/** Adds one header, under the name's first spelling; a name or value HTTP cannot carry makes the answer malformed. */
export function addHeader(headers: HeaderMap, name: string, value: HeaderValue, rules: HeaderRules): void {
  const text = String(value);
  try {
    validateHeaderName(name);
    validateHeaderValue(name, text);
  } catch {
    throw new MalformedResult(`header ${JSON.stringify(name)} cannot be sent`);
  }
  if (rules.dropped.has(name.toLowerCase())) return;
  const existing = [...headers.keys()].find((key) => key.toLowerCase() === name.toLowerCase()) ?? name;
  const values = headers.get(existing) ?? [];
  if (!rules.once || !values.includes(text)) values.push(text);
  headers.set(existing, values);
}

const isAbsent = (value: unknown): value is undefined | null => value === undefined || value === null;

/** Adds a `headers` map: one value per name. */
export function addSingleValueHeaders(headers: HeaderMap, field: unknown, rules: HeaderRules): void {
  if (isAbsent(field)) return;
  if (!isRecord(field)) throw new MalformedResult('headers is not an object');
  for (const [name, value] of Object.entries(field)) {
    if (!isHeaderValue(value)) throw new MalformedResult(`headers.${name} is not a string`);
    addHeader(headers, name, value, rules);
  }
}

/** Adds a `multiValueHeaders` map: a list of values per name. */
export function addMultiValueHeaders(headers: HeaderMap, field: unknown, rules: HeaderRules): void {
  if (isAbsent(field)) return;
  if (!isRecord(field)) throw new MalformedResult('multiValueHeaders is not an object');
  for (const [name, values] of Object.entries(field)) {
    if (!Array.isArray(values) || !values.every(isHeaderValue))
      throw new MalformedResult(`multiValueHeaders.${name} is not a list of strings`);
    for (const value of values) addHeader(headers, name, value, rules);
  }
}

/** Adds a `cookies` list: each cookie a Set-Cookie header of its own, after any the headers named. */
export function addCookies(headers: HeaderMap, field: unknown, name: 'set-cookie' | 'Set-Cookie', rules: HeaderRules): void {
  if (isAbsent(field)) return;
  if (!Array.isArray(field) || !field.every((cookie) => typeof cookie === 'string'))
    throw new MalformedResult('cookies is not a list of strings');
  for (const cookie of field) addHeader(headers, name, cookie, rules);
}
