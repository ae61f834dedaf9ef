import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClientErrorHandler } from './answer-client-error';
import { maxRequestHeadBytes } from './check-request-head';
import type { Limits } from '../gateways/limits';
import type { Logger } from '../console/logger';

export interface ListeningServer {
  server: Server;
  address: AddressInfo;
  close(): Promise<void>;
}

/** One local HTTP server (the main port, or a Function URL's), listening before it returns. */
export async function listenHttp(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
  target: { port: number; host: string },
  limits: Limits,
  logger: Logger,
): Promise<ListeningServer> {
  const server = createServer({ maxHeaderSize: maxRequestHeadBytes(limits) }, handler);
  server.on('clientError', createClientErrorHandler(logger));
  await new Promise<void>((listening, failedToListen) => {
    server.once('error', failedToListen);
    server.listen(target.port, target.host, listening);
  });
  return {
    server,
    address: server.address() as AddressInfo,
    async close() {
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
    },
  };
}
