import { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { EventRequest } from './formats/event-format';
import type { InvocationSocket } from './invocation-socket';
import type { ProxySettings } from './options';
import { decodeBody } from './request-body';
import { requestTarget } from './request-target';

interface HeaderLines {
  /** What Node's HTTP parser calls with the header lines it read: sets rawHeaders and lazy headers. */
  _addHeaderLines(rawHeaders: string[], count: number): void;
}

/**
 * Builds the Node request the app reads: a real `IncomingMessage`, so every framework's
 * prototype tricks and body parsers work, with headers joined by Node's own rules.
 * Throws `BadEventError` for a body that cannot be decoded or a query value that is not a string.
 */
export function createRequest(parts: EventRequest, settings: ProxySettings, socket: InvocationSocket): IncomingMessage {
  const body = decodeBody(parts.body, parts.isBase64Encoded);

  const req = new IncomingMessage(socket as unknown as Socket);
  req.method = parts.method;
  req.url = requestTarget(parts, settings);
  req.httpVersion = '1.1';
  req.httpVersionMajor = 1;
  req.httpVersionMinor = 1;

  const rawHeaders = parts.rawHeaders;
  if (body.length > 0 || parts.method === 'POST' || parts.method === 'PUT' || parts.method === 'PATCH') {
    rawHeaders.push('content-length', String(body.length));
  }
  (req as unknown as HeaderLines)._addHeaderLines(rawHeaders, rawHeaders.length);
  req.complete = true;

  if (body.length > 0) {
    req.push(body);
    req.push(null);
  } else {
    // Ending a stream no one reads still costs a readable-state cycle, and most GETs never read.
    req._read = () => req.push(null);
  }
  return req;
}
