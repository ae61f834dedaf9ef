interface ListenTarget {
  host: string;
  port: number;
}

function hasCode(error: unknown): error is Error & { code: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

/** The commands that would start on another port, e.g. `PORT=3001 npm start`. */
export type SuggestPort = (other: number) => string;

const suggestLocalApi: SuggestPort = (other) => `PORT=${other} npm start (or PORT=${other} make local), or npm start -- --port ${other}`;

/** What a user reads when a command cannot start; a busy port says how to pick another. */
export function describeStartFailure(error: unknown, { host, port }: ListenTarget, suggest: SuggestPort = suggestLocalApi): string {
  if (hasCode(error) && error.code === 'EADDRINUSE') {
    const other = port < 65535 ? port + 1 : port - 1;
    return `Port ${port} on ${host} is busy (is another local API still running?). Choose another: ${suggest(other)}.`;
  }
  return error instanceof Error ? error.message : String(error);
}
