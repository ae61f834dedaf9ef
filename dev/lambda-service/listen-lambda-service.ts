import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../console/logger';
import type { ServedFunction } from '../local-functions/serve-functions';
import { createInvokeHandler } from './handle-invoke';

export interface LambdaService {
  address: AddressInfo;
  close(): Promise<void>;
}

/**
 * The Lambda Invoke API on its own port, reaching `functions`: the map the local API serves too,
 * so both see the same instances and every reload.
 */
export async function listenLambdaService(
  functions: ReadonlyMap<string, ServedFunction>,
  target: { port: number; host: string },
  logger: Logger,
): Promise<LambdaService> {
  const server = createServer(createInvokeHandler(functions, logger));
  await new Promise<void>((listening, failedToListen) => {
    server.once('error', failedToListen);
    server.listen(target.port, target.host, listening);
  });
  return {
    address: server.address() as AddressInfo,
    async close() {
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
    },
  };
}
