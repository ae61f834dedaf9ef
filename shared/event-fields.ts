// Reading an untrusted event: its fields, and the error for an event that cannot be read.

/** An event the helper cannot turn into an HTTP request; answered 400 without running the app. */
export class BadEventError extends Error {
  override readonly name = 'BadEventError';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an optional string field: absent and null are undefined, anything but a string is a bad event. */
export function readOptionalString(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new BadEventError(`${key} is not a string`);
  return value;
}

export function readString(record: Record<string, unknown>, key: string): string {
  const value = readOptionalString(record, key);
  if (value === undefined) throw new BadEventError(`${key} is missing`);
  return value;
}

/** Reads an optional map field (headers, query): absent and null are undefined. */
export function readOptionalMap(record: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw new BadEventError(`${key} is not an object`);
  return value;
}

/** Reads an optional boolean field (`isBase64Encoded`): absent and null are false, a string "true" is a bad event. */
export function readFlag(record: Record<string, unknown>, key: string): boolean {
  const value = record[key];
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw new BadEventError(`${key} is not a boolean`);
  return value;
}

// An RFC 9110 token (tchar+) with no lower-case letter. Methods are case-sensitive, and API Gateway
// and ALB always send upper case; a lower-case `get` is answered 400 by Node's own HTTP parser
// and routed differently by each framework (Express as GET, Fastify 404), so it is refused too.
const METHOD = /^[!#$%&'*+\-.^_`|~0-9A-Z]+$/;

/** Reads the request method: a bad event unless it is an upper-case HTTP token. Never echoes it. */
export function readMethod(record: Record<string, unknown>, key: string): string {
  const method = readString(record, key);
  if (!METHOD.test(method)) throw new BadEventError(`${key} is not an upper-case HTTP method token`);
  return method;
}
