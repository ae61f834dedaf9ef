import { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Context } from 'aws-lambda';
import { BufferedSocket } from '../../shared/buffered-socket';
import type { Invocation } from '../../shared/invocation-socket';

let sequence = 0;

/** A bare request on its own invocation socket, as the helper makes one, for tests of the serving side. */
export function invocationRequest(fields: { method?: string; url?: string; encrypted?: boolean } = {}): {
  req: IncomingMessage;
  socket: BufferedSocket;
} {
  sequence += 1;
  const invocation = {
    event: { httpMethod: fields.method ?? 'GET', path: fields.url ?? '/' },
    context: { awsRequestId: `unit-request-${sequence}` } as Context,
  } as unknown as Invocation;
  const socket = new BufferedSocket(invocation, '203.0.113.10', fields.encrypted ?? true);
  const req = new IncomingMessage(socket as unknown as Socket);
  req.method = fields.method ?? 'GET';
  req.url = fields.url ?? '/';
  req.push(null);
  return { req, socket };
}
