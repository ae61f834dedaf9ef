import { LAMBDA_RESPONSE_LIMIT_BYTES } from '../response-limit';
import type { EventFormat, LatticeResult, QuerySource, ResultParts } from './event-format';
import { singleValueHeaders, statusDescriptionOf } from './single-value-headers';

/** Lattice takes response JSON of up to 6 MB, Lambda's own limit for a synchronous invocation. */
export const LATTICE_RESPONSE_LIMIT_BYTES = LAMBDA_RESPONSE_LIMIT_BYTES;

/**
 * A path that carries its own query (`/orders?id=1`, as Lattice V2 sends it): split at the first
 * `?`, the query kept as sent. Undefined query when the path has none.
 */
export function splitPathQuery(path: string): { path: string; query: QuerySource | undefined } {
  const at = path.indexOf('?');
  if (at === -1) return { path, query: undefined };
  return { path: path.slice(0, at), query: { kind: 'string', text: path.slice(at + 1) } };
}

/** Both Lattice versions answer alike: one header map, one Set-Cookie, a status description. */
export function writeLatticeResult(parts: ResultParts, requestId: string | undefined): LatticeResult {
  return {
    statusCode: parts.statusCode,
    statusDescription: statusDescriptionOf(parts.statusCode),
    headers: singleValueHeaders(parts, 'VPC Lattice', requestId),
    body: parts.body,
    isBase64Encoded: parts.isBase64Encoded,
  };
}

/** The part of a format both Lattice versions share. */
export const latticeResult: Pick<EventFormat, 'responseLimitBytes' | 'writeResult'> = {
  responseLimitBytes: LATTICE_RESPONSE_LIMIT_BYTES,
  writeResult: (parts, _event, requestId) => writeLatticeResult(parts, requestId),
};
