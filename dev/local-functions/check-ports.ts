import { createServer } from 'node:net';

/** The port a start needs but finds taken, before anything is built; and a main port whose whole block is free. */
export class PortBusyError extends Error {
  readonly code = 'EADDRINUSE';
  constructor(
    readonly host: string,
    readonly port: number,
    /** Whose port it is: `the main port`, `the Function URL of UrlFunction`. */
    readonly owner: string,
    /** A main port that, with the Function URLs' ports after it, is free; undefined when none was found nearby. */
    readonly suggestion: number | undefined,
  ) {
    super(`Port ${port} on ${host} (${owner}) is busy`);
  }
}

// How far past the asked port to look for a free block: enough to step over a few running local APIs.
const SUGGESTION_RANGE = 100;

function isFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? resolve(false) : reject(error)));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

async function firstBusy(host: string, ports: readonly number[]): Promise<number | undefined> {
  for (const port of ports) if (!(await isFree(host, port))) return port;
  return undefined;
}

const blockFrom = (mainPort: number, size: number): number[] => Array.from({ length: size }, (_, index) => mainPort + index);

/**
 * Checks, before any function is built, that the main port and the ports after it (`after` names
 * whose each is: the Lambda Invoke API's, each Function URL's) are free, so that a busy port is reported at once, as the port it is. The suggestion steps past
 * every taken port, those another local API's Function URLs hold included.
 */
export async function checkPortsFree(host: string, mainPort: number, after: readonly string[]): Promise<void> {
  const size = after.length + 1;
  const busy = await firstBusy(host, blockFrom(mainPort, size));
  if (busy === undefined) return;
  let suggestion: number | undefined;
  for (let candidate = mainPort + 1; candidate + size - 1 <= 65535 && candidate <= mainPort + SUGGESTION_RANGE; candidate += 1) {
    if ((await firstBusy(host, blockFrom(candidate, size))) === undefined) {
      suggestion = candidate;
      break;
    }
  }
  const owner = busy === mainPort ? 'the main port' : (after[busy - mainPort - 1] ?? 'a port after the main one');
  throw new PortBusyError(host, busy, owner, suggestion);
}
