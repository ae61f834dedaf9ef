import { describeReachableUrl } from '../local-functions/describe-address';
import type { Gateway } from '../gateways/gateway';
import { createRequestHandler, type RequestHandlerSetup } from './handle-request';
import { listenHttp, type ListeningServer, type TlsFiles } from './listen-http';

export interface FunctionUrlServers {
  /** `http://127.0.0.1:3001` by function logical id, in the order they started. */
  urls(): Map<string, string>;
  /** Starts a server for each new Function URL, stops those gone; says what it did. */
  sync(gateways: ReadonlyMap<string, Gateway>): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * A port per Function URL rather than a path prefix on the main port: the function sees the
 * path the client asked for (`/` is `/`), as behind `https://<url-id>.lambda-url...`, so an app's
 * absolute links and redirects work unchanged. Ports follow the main port in template order
 * (3001, 3002, ...), so the same template gets the same ports at every start; or are picked free
 * when the main port is.
 */
export function createFunctionUrlServers(
  setup: Omit<RequestHandlerSetup, 'gateways'>,
  target: { host: string; firstPort: number; tls?: TlsFiles | undefined },
): FunctionUrlServers {
  const servers = new Map<string, { listening: ListeningServer; url: string }>();
  let current = new Map<string, Gateway>();

  // Its place among the template's Function URLs; a URL added by a reload whose place another
  // still holds takes the first port after those in use, and no running URL changes port.
  function portFor(functionId: string): number {
    if (target.firstPort === 0) return 0;
    const used = new Set([...servers.values()].map(({ listening }) => listening.address.port));
    const preferred = target.firstPort + [...current.keys()].indexOf(functionId);
    if (!used.has(preferred)) return preferred;
    return Math.max(...used) + 1;
  }

  async function start(functionId: string): Promise<void> {
    const handler = createRequestHandler({
      ...setup,
      gateways: () => {
        const gateway = current.get(functionId);
        return gateway ? [gateway] : [];
      },
    });
    const port = portFor(functionId);
    const listening = await listenHttp(handler, { port, host: target.host, tls: target.tls }, setup.limits, setup.logger);
    servers.set(functionId, { listening, url: describeReachableUrl(listening.address, listening.scheme) });
  }

  async function stop(functionId: string): Promise<void> {
    const served = servers.get(functionId);
    servers.delete(functionId);
    await served?.listening.close();
  }

  return {
    urls: () => new Map([...servers].map(([id, { url }]) => [id, url])),
    async sync(gateways) {
      current = new Map(gateways);
      const added = [...gateways.keys()].filter((id) => !servers.has(id));
      const removed = [...servers.keys()].filter((id) => !gateways.has(id));
      await Promise.all(removed.map(stop));
      // One at a time, so the ports follow the template's order.
      for (const id of added) await start(id);
      return [
        ...added.map((id) => `Function URL of ${id} on ${servers.get(id)?.url ?? '?'}`),
        ...removed.map((id) => `Function URL of ${id} stopped`),
      ];
    },
    async close() {
      await Promise.all([...servers.keys()].map(stop));
    },
  };
}
