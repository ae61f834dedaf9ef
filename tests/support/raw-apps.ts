import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** What `echoRequest` answers: the request's bytes and headers as the listener received them. */
export interface EchoedRequest {
  readonly method: string;
  readonly body: string;
  readonly contentLength: string | undefined;
  readonly rawHeaders: string[];
}

/** A bare `(req, res)` listener that answers 200 JSON describing the request it got. */
export function echoRequest(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const echoed: EchoedRequest = {
      method: req.method ?? '',
      body: Buffer.concat(chunks).toString('base64'),
      contentLength: req.headers['content-length'],
      rawHeaders: req.rawHeaders,
    };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(echoed));
  });
}

/** A response a scripted listener sends. */
export interface ScriptedResponse {
  readonly statusCode: number;
  readonly headers: OutgoingHttpHeaders;
  readonly body: Buffer;
  /** Offsets where the body is cut into separate `res.write` calls. */
  readonly cuts?: readonly number[];
}

/** A bare listener that answers whatever `next()` says, for tests that choose the response. */
export function scriptedListener(next: () => ScriptedResponse): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    req.resume();
    const { statusCode, headers, body, cuts = [] } = next();
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    res.statusCode = statusCode;
    let start = 0;
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      res.write(body.subarray(start, Math.max(start, cut)));
      start = Math.max(start, cut);
    }
    res.end(body.subarray(start));
  };
}
