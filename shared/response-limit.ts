import type { ProxyResult } from './formats/event-format';

/** Lambda's limit for a synchronous invocation's response payload. */
export const RESPONSE_LIMIT_BYTES = 6 * 1024 * 1024;
// Headers and JSON escaping add to the body; below this margin the exact size is not worth computing.
const MARGIN_BYTES = 256 * 1024;

/** The result's size as Lambda counts it when it may exceed the limit; undefined when it surely fits. */
export function oversizeBytes(result: ProxyResult): number | undefined {
  const bodyLength = result.body?.length ?? 0;
  // In JSON a base64 character is one byte; a text character at most six (a control character is `\u00XX`).
  const worstCase = result.isBase64Encoded ? bodyLength : bodyLength * 6;
  if (worstCase < RESPONSE_LIMIT_BYTES - MARGIN_BYTES) return undefined;
  const bytes = Buffer.byteLength(JSON.stringify(result));
  return bytes > RESPONSE_LIMIT_BYTES ? bytes : undefined;
}
