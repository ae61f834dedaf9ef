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
}

/** A bare listener that answers whatever `next()` says, for tests that choose the response. */
export function scriptedListener(next: () => ScriptedResponse): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    req.resume();
    const { statusCode, headers, body } = next();
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    res.statusCode = statusCode;
    res.end(body);
  };
}
