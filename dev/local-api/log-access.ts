/** Where the local API writes: access lines and notes to `info`, failures and their reasons to `error`. */
export interface Logger {
  info(line: string): void;
  error(line: string): void;
}

export const consoleLogger: Logger = {
  info: (line) => console.log(line),
  error: (line) => console.error(line),
};

export interface AccessEntry {
  method: string;
  path: string;
  status: number;
  durationMs: number;
  /** The function that answered, undefined when API Gateway answered alone (403, 413). */
  functionId: string | undefined;
  coldStart: boolean;
}

/** One line per request: `GET /express/ping 200 12 ms ExpressFunction cold`. */
export function formatAccessLine(entry: AccessEntry): string {
  const target = entry.functionId === undefined ? '-' : `${entry.functionId} ${entry.coldStart ? 'cold' : 'warm'}`;
  return `${entry.method} ${entry.path} ${entry.status} ${Math.round(entry.durationMs)} ms ${target}`;
}
