type LogLevel = 'WARN' | 'ERROR';

// `scheme://user:password@` (or `scheme://token@`): what a connection string in an error message
// carries. The scheme's length is bounded so that a long message costs one pass, not one per character.
const URL_SCHEME = /[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\//g;
const WHITESPACE = /\s/g;

function maskUserInfo(userInfo: string): string {
  const colon = userInfo.indexOf(':');
  return colon === -1 ? '***' : `${userInfo.slice(0, colon)}:***`;
}

/**
 * Replaces the password (or a lone token) of every URL in `text` with `***`; the rest stays
 * readable. The user info runs to the LAST `@` before whitespace: a password may hold `@`, `/`,
 * `#` or `?` unescaped, so an `@` later in the URL (in its query) masks more than needed, never less.
 */
export function maskCredentials(text: string): string {
  if (!text.includes('://')) return text;
  let masked = '';
  let copied = 0;
  URL_SCHEME.lastIndex = 0;
  for (let scheme = URL_SCHEME.exec(text); scheme !== null; scheme = URL_SCHEME.exec(text)) {
    const start = scheme.index + scheme[0].length;
    WHITESPACE.lastIndex = start;
    const end = WHITESPACE.exec(text)?.index ?? text.length;
    const at = text.slice(start, end).lastIndexOf('@');
    if (at !== -1) {
      masked += `${text.slice(copied, start)}${maskUserInfo(text.slice(start, start + at))}`;
      copied = start + at;
    }
    // The rest of this URL is not searched again: each character is read once.
    URL_SCHEME.lastIndex = end;
  }
  return copied === 0 ? text : masked + text.slice(copied);
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
