/** The Invoke API's payload quotas: 6 MB in and out for a synchronous invocation, 1 MB in for an asynchronous one. */
export const INVOKE_LIMITS = {
  requestResponseBytes: 6 * 1024 * 1024,
  eventBytes: 1024 * 1024,
  responseBytes: 6 * 1024 * 1024,
  /** `LogType: Tail` returns this much of the invocation's log, its end. */
  tailBytes: 4 * 1024,
} as const;

/** The last 4 KB of an invocation's log lines, base64, as `X-Amz-Log-Result` and InvokeComplete's `LogResult` carry them. */
export function tailLogs(lines: readonly string[]): string {
  const log = Buffer.from(lines.map((line) => `${line}\n`).join(''));
  return log.subarray(Math.max(0, log.length - INVOKE_LIMITS.tailBytes)).toString('base64');
}
