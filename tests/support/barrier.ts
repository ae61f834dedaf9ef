import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Runs `use` with the URL of a server that answers nobody until `expected` requests wait on it,
 * then everybody: a handler that fetches it passes only once `expected` invocations overlap, so
 * a test proves concurrency by waiting for it rather than sleeping and hoping.
 */
export async function withBarrier<T>(expected: number, use: (url: string) => Promise<T>): Promise<T> {
  const held: ServerResponse[] = [];
  const barrier: Server = createServer((_request, response) => {
    held.push(response);
    if (held.length === expected) for (const waiting of held) waiting.end('go');
  });
  await new Promise<void>((listening) => barrier.listen(0, '127.0.0.1', listening));
  try {
    return await use(`http://127.0.0.1:${(barrier.address() as AddressInfo).port}/`);
  } finally {
    barrier.closeAllConnections();
    await new Promise((closed) => barrier.close(closed));
  }
}
