export type LogLevel = 'WARN' | 'ERROR';

/**
 * Writes one line in Lambda's JSON log format (timestamp, level, requestId, message) plus
 * fields. It goes straight to stdout so it stays one JSON object whatever the function's
 * log format; callers never pass bodies, cookies or credentials.
 */
export function logLine(level: LogLevel, message: string, requestId: string | undefined, fields: Record<string, unknown> = {}): void {
  const line = { timestamp: new Date().toISOString(), level, requestId, message, ...fields };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
