export type LogLevel = 'WARN' | 'ERROR';

// `scheme://user:password@` (or `scheme://token@`): what a connection string in an error message
// carries. The user info runs to the last `@` before the host, since passwords often hold an `@`.
// The scheme's length is bounded so that a long message costs one pass, not one per character.
const URL_CREDENTIALS = /([A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/)([^\s/?#@]*@)+/g;

function maskUserInfo(match: string, scheme: string): string {
  const userInfo = match.slice(scheme.length, -1);
  const colon = userInfo.indexOf(':');
  return colon === -1 ? `${scheme}***@` : `${scheme}${userInfo.slice(0, colon)}:***@`;
}

/** Replaces the password (or a lone token) of every URL in `text` with `***`; the rest stays readable. */
export function maskCredentials(text: string): string {
  return text.includes('://') ? text.replace(URL_CREDENTIALS, maskUserInfo) : text;
}

/** An error as one log field: its name and its message (`TypeError: ...`), never its stack. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error === 'string' ? error : typeof error;
}

const maskStrings = (_key: string, value: unknown): unknown => (typeof value === 'string' ? maskCredentials(value) : value);

/**
 * Writes one line in Lambda's JSON log format (timestamp, level, requestId, message) plus
 * fields. It goes straight to stdout so it stays one JSON object whatever the function's
 * log format. Callers never pass bodies or cookies; credentials in URLs are masked here, in
 * every string of the line, since error messages (a failed start, an app's error) may quote them.
 */
export function logLine(level: LogLevel, message: string, requestId: string | undefined, fields: Record<string, unknown> = {}): void {
  const line = { timestamp: new Date().toISOString(), level, requestId, message, ...fields };
  process.stdout.write(`${JSON.stringify(line, maskStrings)}\n`);
}
