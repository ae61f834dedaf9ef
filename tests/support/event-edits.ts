import { isRecord } from '../../shared/event-fields';

/**
 * Edits of a built event, for inputs API Gateway and ALB would never send but a test must: each
 * returns a changed copy (events are never edited in place) and works on every format.
 */

function copy(event: Record<string, unknown>): Record<string, unknown> {
  return structuredClone(event);
}

/** Sets a header in every header map the event has (`headers` and/or `multiValueHeaders`). */
export function withHeader(name: string, value: unknown) {
  return (event: Record<string, unknown>): Record<string, unknown> => {
    const edited = copy(event);
    if (isRecord(edited['headers'])) edited['headers'][name] = value;
    if (isRecord(edited['multiValueHeaders'])) edited['multiValueHeaders'][name] = [value];
    if (!isRecord(edited['headers']) && !isRecord(edited['multiValueHeaders'])) edited['headers'] = { [name]: value };
    return edited;
  };
}

/** Where the event flags a base64 body: VPC Lattice V1 spells it in snake_case. */
function base64FlagOf(event: Record<string, unknown>): string {
  return 'is_base64_encoded' in event ? 'is_base64_encoded' : 'isBase64Encoded';
}

/** Sets the event's base64 flag, whatever its format calls it, to any value. */
export function withBase64Flag(value: unknown) {
  return (event: Record<string, unknown>): Record<string, unknown> => ({ ...structuredClone(event), [base64FlagOf(event)]: value });
}

/** Sets the body field to exactly this (null and '' included), or removes it when `undefined`. */
export function withBody(body: string | null | undefined, isBase64Encoded = false) {
  return (event: Record<string, unknown>): Record<string, unknown> => {
    const edited = copy(event);
    if (body === undefined) delete edited['body'];
    else edited['body'] = body;
    edited[base64FlagOf(edited)] = isBase64Encoded;
    return edited;
  };
}

/** The record holding the field at a dotted path, and the field's key; no record when a parent is missing. */
function parentOf(event: Record<string, unknown>, path: string): [Record<string, unknown> | undefined, string] {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let target: unknown = event;
  for (const key of keys) target = isRecord(target) ? target[key] : undefined;
  return [isRecord(target) ? target : undefined, last];
}

/** Removes a field at a dotted path (`requestContext.http`). */
export function without(path: string) {
  return (event: Record<string, unknown>): Record<string, unknown> => {
    const edited = copy(event);
    const [parent, key] = parentOf(edited, path);
    if (parent) delete parent[key];
    return edited;
  };
}

export const replaceWith = (value: unknown) => (): unknown => value;

/** Removes what names the method: `httpMethod` (v1, ALB), `requestContext.http` (2.0), `method` (VPC Lattice). */
export function withoutMethod(event: Record<string, unknown>): Record<string, unknown> {
  return without('method')(without('requestContext.http')(without('httpMethod')(event)));
}

/**
 * Sets one query parameter to a raw string in whichever query fields the event has (the maps
 * of v1 and ALB, 2.0's rawQueryString), for values no client encoding could produce.
 */
export function withRawQueryParameter(key: string, value: string) {
  return (event: Record<string, unknown>): Record<string, unknown> => {
    const edited = copy(event);
    if (typeof edited['rawQueryString'] === 'string') edited['rawQueryString'] = `${key}=${value}`;
    if (isRecord(edited['query_string_parameters'])) edited['query_string_parameters'] = { [key]: value };
    // VPC Lattice V2 carries the query in its path too, which the helper reads first.
    if (typeof edited['path'] === 'string' && typeof edited['method'] === 'string') {
      edited['path'] = `${edited['path'].split('?')[0] ?? ''}?${key}=${value}`;
    }
    if (isRecord(edited['queryStringParameters'])) edited['queryStringParameters'] = { [key]: value };
    if (isRecord(edited['multiValueQueryStringParameters'])) edited['multiValueQueryStringParameters'] = { [key]: [value] };
    return edited;
  };
}

/** Sets a field at a dotted path (`requestContext.http.method`) to any value, creating no parents. */
export function withField(path: string, value: unknown) {
  return (event: Record<string, unknown>): Record<string, unknown> => {
    const edited = copy(event);
    const [parent, key] = parentOf(edited, path);
    if (parent) parent[key] = value;
    return edited;
  };
}

/** Sets the method where the event names it: `httpMethod` (v1, ALB) or `requestContext.http.method` (2.0). */
export function withMethod(method: unknown) {
  return (event: Record<string, unknown>): Record<string, unknown> =>
    'httpMethod' in event || 'method' in event
      ? withField('httpMethod' in event ? 'httpMethod' : 'method', method)(event)
      : withField('requestContext.http.method', method)(event);
}
