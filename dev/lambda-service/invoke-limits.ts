import { LAMBDA_RESPONSE_LIMIT_BYTES } from '../../shared';

/** The Invoke API's payload quotas: 6 MB in and out for a synchronous invocation, 1 MB in for an asynchronous one. */
export const INVOKE_LIMITS = {
  requestResponseBytes: 6 * 1024 * 1024,
  eventBytes: 1024 * 1024,
  responseBytes: LAMBDA_RESPONSE_LIMIT_BYTES,
  /** `LogType: Tail` returns this much of the invocation's log, its end. */
  tailBytes: 4 * 1024,
} as const;

/** An invocation's log lines, of which only the last 4 KB are kept: a function may log for 15 minutes. */
export interface LogTail {
  push(line: string): void;
  /** The last 4 KB, base64, as `X-Amz-Log-Result` and InvokeComplete's `LogResult` carry them. */
  encode(): string;
}

export function createLogTail(): LogTail {
  const lines: Buffer[] = [];
  let bytes = 0;
  return {
    push(line) {
      const chunk = Buffer.from(`${line}\n`);
      lines.push(chunk);
      bytes += chunk.length;
      // Drop whole lines from the front while what stays still covers the last 4 KB.
      while (lines.length > 1 && bytes - (lines[0]?.length ?? 0) >= INVOKE_LIMITS.tailBytes) bytes -= lines.shift()?.length ?? 0;
    },
    encode() {
      const log = Buffer.concat(lines);
      return log.subarray(Math.max(0, log.length - INVOKE_LIMITS.tailBytes)).toString('base64');
    },
  };
}
