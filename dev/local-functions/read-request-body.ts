import type { IncomingMessage } from 'node:http';

export type BodyOutcome = { ok: true; body: Buffer } | { ok: false; reason: 'too-large' | 'client-gone' };

/**
 * Reads a request body up to `limitBytes`. Past the limit it keeps reading but drops the bytes,
 * so the client finishes sending and can read the 413 instead of a reset connection. A client
 * that closes the connection mid-body is an outcome, not an error: nobody is left to answer.
 */
export function readRequestBody(request: IncomingMessage, limitBytes: number): Promise<BodyOutcome> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    request.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= limitBytes) chunks.push(chunk);
    });
    request.on('end', () =>
      resolve(received <= limitBytes ? { ok: true, body: Buffer.concat(chunks) } : { ok: false, reason: 'too-large' }),
    );
    request.on('error', () => resolve({ ok: false, reason: 'client-gone' }));
  });
}
