import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createClientErrorHandler } from './answer-client-error';
import { maxRequestHeadBytes } from './check-request-head';
import type { Limits } from '../gateways/limits';
import type { Logger } from '../console/logger';

/** A certificate and its private key, PEM (`--ssl-cert-file`, `--ssl-key-file`): the server speaks HTTPS. */
export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

export interface ListeningServer {
  server: Server;
  address: AddressInfo;
  scheme: 'http' | 'https';
  close(): Promise<void>;
}

/** One local HTTP server (the main port, or a Function URL's), listening before it returns. */
export async function listenHttp(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
  target: { port: number; host: string; tls?: TlsFiles | undefined },
  limits: Limits,
  logger: Logger,
): Promise<ListeningServer> {
  const options = { maxHeaderSize: maxRequestHeadBytes(limits) };
  const server: Server = target.tls
    ? createTlsServer({ ...options, cert: target.tls.cert, key: target.tls.key }, handler)
    : createServer(options, handler);
  server.on('clientError', createClientErrorHandler(logger));
  await new Promise<void>((listening, failedToListen) => {
    server.once('error', failedToListen);
    server.listen(target.port, target.host, listening);
  });
  return {
    server,
    address: server.address() as AddressInfo,
    scheme: target.tls ? 'https' : 'http',
    async close() {
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
    },
  };
}
