import { BadEventError } from './event-fields';

/**
 * Joins a query map (`{ key: value }` or `{ key: [values] }`) into `k=v&k=v2`, every value kept
 * in order. `encode` escapes keys and values that arrive decoded (REST); ALB's arrive encoded.
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

/** Escapes a decoded query key or value (REST). A lone surrogate, which has no UTF-8 form, becomes U+FFFD. */
export function encodeQueryComponent(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.toWellFormed());
  }
}

/** ALB hands query keys and values over as the client sent them: pass them on untouched. */
export const keepEncoded = (text: string): string => text;
