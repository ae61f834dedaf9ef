import { BadEventError } from './event-fields';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const FORBIDDEN_IN_VALUE = /[\r\n\0]/;

/** Framing headers describe the client's bytes, not the decoded body the app gets: recomputed. */
function isFramingHeader(name: string): boolean {
  return (
    (name.length === 14 && name.toLowerCase() === 'content-length') || (name.length === 17 && name.toLowerCase() === 'transfer-encoding')
  );
}

function addValue(rawHeaders: string[], name: string, value: unknown): void {
  if (value === null || value === undefined) return;
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else throw new BadEventError(`value of header ${name} is not a string`);
  if (FORBIDDEN_IN_VALUE.test(text)) throw new BadEventError(`value of header ${name} contains CR, LF or NUL`);
  rawHeaders.push(name, text);
}

/**
 * Flattens an event's header map (`{ name: value }` or `{ name: [values] }`) into Node's
 * `rawHeaders` form, every value kept in order, each one a string. Names must be HTTP tokens
 * and values free of CR, LF and NUL, or the event is bad. `content-length` and
 * `transfer-encoding` are left out: the request gets its own from the decoded body.
 */
export function collectHeaders(map: Record<string, unknown> | undefined): string[] {
  const rawHeaders: string[] = [];
  if (!map) return rawHeaders;
  for (const name of Object.keys(map)) {
    if (!TOKEN.test(name)) throw new BadEventError('a header name is not an HTTP token');
    if (isFramingHeader(name)) continue;
    const value = map[name];
    if (Array.isArray(value)) for (const item of value as unknown[]) addValue(rawHeaders, name, item);
    else addValue(rawHeaders, name, value);
  }
  return rawHeaders;
}

/**
 * Whether a request reached a load balancer (ALB) or a VPC Lattice listener over HTTPS: each sets
 * X-Forwarded-Proto itself, and only `http` says it was not.
 */
export function isForwardedHttps(rawHeaders: readonly string[]): boolean {
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]?.toLowerCase() === 'x-forwarded-proto') return rawHeaders[i + 1]?.trim().toLowerCase() !== 'http';
  }
  return true;
}
