import { isRecord } from '../sam-model/is-record';
import { PRELUDE_DELIMITER } from '../lambda-runtime/instance/awslambda-global';
import { checkStatusCode } from './read-lambda-result';
import {
  addCookies,
  addMultiValueHeaders,
  addSingleValueHeaders,
  MalformedResult,
  type HeaderMap,
  type HeaderRules,
} from './read-result-headers';

/** The status and headers a streamed response's prelude gives, before any body byte. */
export interface StreamedHead {
  statusCode: number;
  headers: HeaderMap;
}

export type PreludeRead =
  { state: 'reading' } | { state: 'read'; head: StreamedHead; body: Buffer } | { state: 'malformed'; reason: string };

export interface PreludeReader {
  /** The next bytes of the stream; once the delimiter has come, the head and the body bytes after it. */
  push(chunk: Uint8Array): PreludeRead;
  /** Why the stream, now ended, gave no prelude. */
  describeMissing(): string;
}

/**
 * How much the local API reads while looking for the delimiter: Lambda's quota for "the total
 * combined size of request line and header values", 1 MB (Lambda quotas, invocation payload),
 * which is what bounds a prelude's status and headers there; neither aws-lambda-ric nor API
 * Gateway's streaming guide names a smaller one. A stream without a delimiter this far in is a
 * body without a prelude, which would otherwise be held whole.
 */
export const PRELUDE_LIMIT_BYTES = 1024 * 1024;

// The body is streamed, so the gateway frames it itself; a value repeated across the maps is kept.
const RULES: HeaderRules = { dropped: new Set(['content-length', 'transfer-encoding']) };

/** A prelude's statusCode: 200 when absent, else a number (no digits in a string, unlike a buffered result). */
function readStatusCode(value: unknown): number {
  return value === undefined ? 200 : checkStatusCode(value);
}

function readHeaders(prelude: Record<string, unknown>): HeaderMap {
  const headers: HeaderMap = new Map();
  // headers first, then multiValueHeaders, then each cookie: the order the gateway sends them in.
  addSingleValueHeaders(headers, prelude.headers, RULES);
  addMultiValueHeaders(headers, prelude.multiValueHeaders, RULES);
  addCookies(headers, prelude.cookies, 'Set-Cookie', RULES);
  return headers;
}

/** A prelude's JSON as API Gateway and Function URLs read it: statusCode, headers, multiValueHeaders, cookies. */
export function parsePrelude(json: string): StreamedHead {
  let prelude: unknown;
  try {
    prelude = JSON.parse(json);
  } catch {
    throw new MalformedResult(`the prelude is not JSON: ${JSON.stringify(json.slice(0, 80))}`);
  }
  if (!isRecord(prelude)) throw new MalformedResult('the prelude is not a JSON object');
  return { statusCode: readStatusCode(prelude['statusCode']), headers: readHeaders(prelude) };
}

const describeBytes = (bytes: number): string => (bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`);

/** Reads a streamed response's prelude (JSON, then 8 NUL bytes) from its chunks as they arrive. */
export function createPreludeReader(limitBytes = PRELUDE_LIMIT_BYTES): PreludeReader {
  let seen = Buffer.alloc(0);
  return {
    push(chunk) {
      // JSON escapes every control character, so the first 8 NULs are the delimiter.
      const searchFrom = Math.max(0, seen.length - PRELUDE_DELIMITER.length + 1);
      seen = Buffer.concat([seen, chunk]);
      const at = seen.indexOf(PRELUDE_DELIMITER, searchFrom);
      if (at < 0) {
        if (seen.length <= limitBytes) return { state: 'reading' };
        return {
          state: 'malformed',
          reason: `no prelude: ${seen.length} bytes without the 8 NUL bytes that end one (a prelude is at most ${describeBytes(limitBytes)}, Lambda's limit on header values)`,
        };
      }
      try {
        const head = parsePrelude(seen.subarray(0, at).toString('utf8'));
        return { state: 'read', head, body: seen.subarray(at + PRELUDE_DELIMITER.length) };
      } catch (error) {
        if (!(error instanceof MalformedResult)) throw error;
        return { state: 'malformed', reason: `malformed prelude: ${error.message}` };
      }
    },
    describeMissing() {
      return seen.length === 0
        ? 'no prelude: the stream ended without a byte (a body-less response must still write its prelude)'
        : `no prelude: the stream ended after ${seen.length} bytes without the 8 NUL bytes that end one`;
    },
  };
}
