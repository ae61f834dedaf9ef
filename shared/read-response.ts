import type { ServerResponse } from 'node:http';
import type { BufferedSocket } from './buffered-socket';
import { ChunkUnframer } from './unframe-chunks';

// Hop-by-hop headers describe one connection; API Gateway makes its own.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

/** The head of the app's answer: status, headers by lower-case name (hop-by-hop dropped), cookies apart. */
export interface AppResponseHead {
  readonly statusCode: number;
  readonly headers: Map<string, string[]>;
  readonly cookies: string[];
}

/** The app's whole answer. */
export interface AppResponse extends AppResponseHead {
  /** A string when the app wrote only UTF-8 strings (its bytes are that string's UTF-8 form). */
  readonly body: string | Buffer;
}

const toBuffer = (chunk: string | Buffer): Buffer => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);

/** Parses the header block Node wrote (`HTTP/1.1 200 OK\r\nName: value\r\n...\r\n\r\n`). */
function readHeaderBlock(block: string, headers: Map<string, string[]>, cookies: string[]): void {
  let start = block.indexOf('\r\n') + 2;
  while (start < block.length) {
    const end = block.indexOf('\r\n', start);
    if (end <= start) break;
    const colon = block.indexOf(':', start);
    if (colon > start && colon < end) {
      const name = block.slice(start, colon).toLowerCase();
      const value = block.slice(colon + 1, end).trim();
      if (name === 'set-cookie') cookies.push(value);
      else if (!HOP_BY_HOP.has(name)) {
        const values = headers.get(name);
        if (values) values.push(value);
        else headers.set(name, [value]);
      }
    }
    start = end + 2;
  }
}

/** Reads the head Node wrote for the app's response (status and headers as they went out). */
export function readHead(res: ServerResponse): AppResponseHead {
  const headers = new Map<string, string[]>();
  const cookies: string[] = [];
  if (typeof res._header === 'string') readHeaderBlock(res._header, headers, cookies);
  return { statusCode: res.statusCode, headers, cookies };
}

/** Reads what the app wrote once its response has finished. */
export function readResponse(res: ServerResponse, socket: BufferedSocket): AppResponse {
  const { statusCode, headers, cookies } = readHead(res);
  const chunks = socket.chunks;
  let body: string | Buffer;
  // Node frames the body only when the app itself set `Transfer-Encoding: chunked`.
  if (res.chunkedEncoding) body = Buffer.concat(new ChunkUnframer().push(Buffer.concat(chunks.map(toBuffer))));
  else if (chunks.length === 1) body = chunks[0] as string | Buffer;
  else body = socket.textOnly ? chunks.join('') : Buffer.concat(chunks.map(toBuffer));
  return { statusCode, headers, cookies, body };
}
