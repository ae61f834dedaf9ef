/**
 * The request target as the console shows it: the path, and the query with each value masked
 * (`?token=***&page=***`), since queries carry tokens that do not belong in a terminal.
 */
export function describeTarget(url: string): string {
  const queryAt = url.indexOf('?');
  if (queryAt < 0) return url;
  const masked = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => (pair.includes('=') ? `${pair.slice(0, pair.indexOf('='))}=***` : pair));
  return `${url.slice(0, queryAt)}?${masked.join('&')}`;
}

export interface AccessEntry {
  method: string;
  /** The request target as sent; the line shows it through `describeTarget`. */
  url: string;
  /** The status answered, or `aborted` when the client left before an answer. */
  status: number | 'aborted';
  durationMs: number;
  /** The function that answered, undefined when API Gateway answered alone (403, 413). */
  functionId: string | undefined;
  coldStart: boolean;
  /** Why there is no answer, in a few words. */
  note?: string;
}

/** One line per request: `GET /express/ping 200 12 ms ExpressFunction cold`. */
export function formatAccessLine(entry: AccessEntry): string {
  const target = entry.functionId === undefined ? '-' : `${entry.functionId} ${entry.coldStart ? 'cold' : 'warm'}`;
  const line = `${entry.method} ${describeTarget(entry.url)} ${entry.status} ${Math.round(entry.durationMs)} ms ${target}`;
  return entry.note === undefined ? line : `${line} (${entry.note})`;
}
