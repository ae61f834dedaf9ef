import { BadEventError } from './event-fields';
import type { EventRequest, QuerySource } from './formats/event-format';
import { encodePath, encodeQuery, encodeQueryComponent, normalizeEscapes } from './percent-encoding';

/** The settings the request target depends on (see ProxySettings). */
export interface TargetSettings {
  /** A path prefix in `normalizePathPrefix` form; `''` for none. */
  readonly basePath: string;
  readonly keepStage: boolean;
}

/**
 * A path prefix (base path, stage) in the form paths are compared in: leading slash, no trailing
 * slash, encoded as `encodePath` does and in `normalizeEscapes` form; `''` for none.
 */
export function normalizePathPrefix(prefix: string | undefined): string {
  if (!prefix) return '';
  const trimmed = prefix.replace(/\/+$/, '');
  return trimmed === '' ? '' : normalizeEscapes(encodePath(trimmed));
}

function restOrRoot(path: string, end: number): string {
  return end === path.length ? '/' : path.slice(end);
}

/**
 * Removes `prefix` (in `normalizePathPrefix` form) from the front of an encoded path, only at a
 * segment boundary and comparing segment by segment in normal form: `/express` turns
 * `/express/ping` into `/ping` and `/express` into `/`, never `/expressions` into `ions`.
 */
export function stripPathPrefix(path: string, prefix: string): string {
  if (prefix === '') return path;
  // The usual case: the path spells the prefix exactly as its normal form does.
  if (path.startsWith(prefix)) {
    const next = path.charCodeAt(prefix.length);
    if (Number.isNaN(next) || next === 47 /* '/' */) return restOrRoot(path, prefix.length);
    if (next !== 37 /* '%' */) return path;
  }
  if (!path.includes('%')) return path;
  let end = 0;
  for (const segment of prefix.slice(1).split('/')) {
    if (path.charCodeAt(end) !== 47) return path;
    const slash = path.indexOf('/', end + 1);
    const stop = slash === -1 ? path.length : slash;
    if (normalizeEscapes(path.slice(end + 1, stop)) !== segment) return path;
    end = stop;
  }
  return restOrRoot(path, end);
}

/**
 * Joins a query map (`{ key: value }` or `{ key: [values] }`) into `k=v&k=v2`, every value kept
 * in order; `encode` escapes keys and values.
 */
export function joinQueryMap(map: Record<string, unknown> | undefined, encode: (text: string) => string): string {
  if (!map) return '';
  let query = '';
  for (const key of Object.keys(map)) {
    const value = map[key];
    const values = Array.isArray(value) ? (value as unknown[]) : [value];
    const encodedKey = encode(key);
    for (const item of values) {
      if (item === null || item === undefined) continue;
      if (typeof item !== 'string') throw new BadEventError('query value is not a string');
      query += `${query === '' ? '' : '&'}${encodedKey}=${encode(item)}`;
    }
  }
  return query;
}

const keepEncoded = (text: string): string => text;

function encodeQuerySource(query: QuerySource): string {
  if (query.kind === 'string') return encodeQuery(query.text);
  // REST decodes keys and values; ALB hands them over as the client sent them, still encoded.
  return query.encoded ? encodeQuery(joinQueryMap(query.map, keepEncoded)) : joinQueryMap(query.map, encodeQueryComponent);
}

/**
 * The request target (`req.url`) the app gets for where the event keeps its path and query: the
 * path encoded, the stage and then the base path removed, the query encoded after a `?` (no `?`
 * for none). Throws `BadEventError` for a query value that is not a string.
 */
export function requestTarget(where: Pick<EventRequest, 'path' | 'stage' | 'query'>, settings: TargetSettings): string {
  let path = encodePath(where.path);
  if (where.stage !== undefined && !settings.keepStage) path = stripPathPrefix(path, normalizePathPrefix(`/${where.stage}`));
  path = stripPathPrefix(path, settings.basePath);
  const query = encodeQuerySource(where.query);
  return query === '' ? path : `${path}?${query}`;
}
