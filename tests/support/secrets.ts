import type { LogLine } from './log-capture';

/** Values a log line must never carry: an Authorization value, cookie values, a request body. */
export const SECRETS = {
  authorization: 'Bearer SECRET-TOKEN-4f1c',
  cookie: 'session=SECRET-COOKIE-9a7e',
  body: 'SECRET-BODY-77d2',
} as const;

export const SECRET_HEADERS: [string, string][] = [['Authorization', SECRETS.authorization]];

export function leakedSecrets(lines: readonly LogLine[]): string[] {
  const markers = ['SECRET-TOKEN', 'SECRET-COOKIE', 'SECRET-BODY'];
  return lines.flatMap((line) => markers.filter((marker) => line.raw.includes(marker)).map((marker) => `${marker} in ${line.raw}`));
}
