/** Lambda's limit for a synchronous invocation's response, in bytes, as its own error message states it. */
export const LAMBDA_RESPONSE_LIMIT_BYTES = 6_291_556;
/** An ALB target group takes at most 1 MB of response JSON from a Lambda function. */
export const ALB_RESPONSE_LIMIT_BYTES = 1024 * 1024;

// Headers and JSON escaping add to the body; this far below the limit the exact size is not worth computing.
const MARGIN_FRACTION = 0.05;

/** What the size of any format's result depends on most. */
interface SizedResult {
  readonly body?: string | undefined;
  readonly isBase64Encoded?: boolean | undefined;
}

/** The result's size, as JSON, when it exceeds `limitBytes`; undefined when it fits. */
export function oversizeBytes(result: SizedResult, limitBytes: number): number | undefined {
  const bodyLength = result.body?.length ?? 0;
  // In JSON a base64 character is one byte; a text character at most six (a control character is `\u00XX`).
  const worstCase = result.isBase64Encoded ? bodyLength : bodyLength * 6;
  if (worstCase < limitBytes * (1 - MARGIN_FRACTION)) return undefined;
  const bytes = Buffer.byteLength(JSON.stringify(result));
  return bytes > limitBytes ? bytes : undefined;
}
