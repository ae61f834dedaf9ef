import { STATUS_CODES } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { GatewayFailure } from '../gateways/gateway';
import { restApiAnswer } from '../gateways/rest-api/rest-api-answers';
import type { Logger } from '../console/logger';

const LINGER_MS = 2000;

interface ParserError extends Error {
  code?: string;
  /** The bytes Node's parser held when it gave up. */
  rawPacket?: Buffer;
}

/**
 * A request head past what Node parses: a chunk with no line end lies inside the request line
 * (the URL is too long), one with line ends lies among the headers.
 */
function classifyOverflow(error: ParserError): GatewayFailure {
  return error.rawPacket !== undefined && !error.rawPacket.includes('\r\n') ? 'uri-too-long' : 'headers-too-large';
}

function formatRaw(error: GatewayFailure): string {
  const { statusCode, headers, body } = restApiAnswer(error);
  const lines = [`HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode] ?? ''}`];
  for (const [name, values] of headers) for (const value of values) lines.push(`${name}: ${value}`);
  lines.push(`x-amzn-RequestId: ${randomUUID()}`, `Content-Length: ${body.length}`, 'Connection: close');
  return `${lines.join('\r\n')}\r\n\r\n${body.toString('utf8')}`;
}

/**
 * Answers what Node's HTTP parser refuses before the request handler runs: a head too large as
 * API Gateway would, anything else malformed with a bare 400, as Node does by default.
 */
export function createClientErrorHandler(logger: Logger): (error: ParserError, socket: Socket) => void {
  return (error, socket) => {
    // The parser reports each further chunk of a refused request too: the first one answered,
    // the rest is read and dropped.
    if (socket.writableEnded) return;
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    if (error.code === 'HPE_HEADER_OVERFLOW') {
      const refusal = classifyOverflow(error);
      socket.end(formatRaw(refusal));
      // Closing at once would reset a client still sending, which can lose the answer it has not
      // read yet; it gets a moment to read it and close.
      setTimeout(() => socket.destroy(), LINGER_MS).unref();
      logger.info(`(a request head too large to parse) ${restApiAnswer(refusal).statusCode} -`);
      return;
    }
    if (error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  };
}
