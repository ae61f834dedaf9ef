import { readFileSync, realpathSync } from 'node:fs';
import { extname } from 'node:path';
import type { Gateway } from '../gateway';
import { findStaticFile } from './find-static-file';

// The types a browser needs to use what a static folder usually holds; anything else is bytes.
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * `--static-dir`: files of a folder served at `/`, as `sam local start-api` serves them, ahead of
 * the APIs: a GET or HEAD for a file that exists is answered with it; anything else goes on to the
 * API gateways after it (`next`, whose answers this one gives when it must refuse a request).
 */
export function createStaticFilesGateway(root: string, next: Gateway): Gateway {
  // Resolved once: a request costs the file's own look-up only.
  const realRoot = realpathSync(root);
  const gateway: Gateway = {
    kind: 'static files',
    route(method, rawPath) {
      if (method !== 'GET' && method !== 'HEAD') return undefined;
      const file = findStaticFile(realRoot, rawPath);
      if (file === undefined) return undefined;
      return {
        gateway,
        functionId: undefined,
        invokeMode: 'BUFFERED',
        timeoutMs: undefined,
        answer: () => ({
          statusCode: 200,
          headers: new Map([['Content-Type', [CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream']]]),
          body: readFileSync(file),
        }),
        createEvent: () => undefined,
        readResult: () => ({ ok: false, reason: 'a static file has no function' }),
      };
    },
    owns: () => false,
    refuse: (failure) => next.refuse(failure),
    finish: (answer) => answer,
  };
  return gateway;
}
