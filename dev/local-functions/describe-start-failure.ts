import { PortBusyError } from './check-ports';

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

/** What a user reads when a command cannot start; a busy port says which it is and how to pick another. */
export function describeStartFailure(error: unknown, { host, port }: ListenTarget, suggest: SuggestPort = suggestLocalApi): string {
  if (error instanceof PortBusyError) {
    const which = error.port === port ? '' : ` (${error.owner}, after the main port ${port})`;
    const advice =
      error.suggestion === undefined
        ? 'Stop the other local API, or choose a port further away.'
        : `Choose another: ${suggest(error.suggestion)}.`;
    return `Port ${error.port} on ${error.host} is busy${which} (is another local API still running?). ${advice}`;
  }
  if (hasCode(error) && error.code === 'EADDRINUSE') {
    // Node names the port that failed: a Function URL's may be busy while the main one is free.
    const busy = typeof (error as { port?: unknown }).port === 'number' ? (error as unknown as { port: number }).port : port;
    return `Port ${busy} on ${host} is busy (is another local API still running?). Choose another: ${suggest(busy < 65535 ? busy + 1 : busy - 1)}.`;
  }
  return error instanceof Error ? error.message : String(error);
}
