import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';

export interface StreamedResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The response as it arrives; paused until `read` is called. */
  message: IncomingMessage;
}

export interface ReadStream {
  /** Every chunk as the client's socket delivered it, in order. */
  chunks: Buffer[];
  body: Buffer;
  /** False when the connection ended before the response's last chunk. */
  complete: boolean;
}

/** Sends a GET and resolves with the response's head, before its body, which stays unread. */
export function openStream(url: string, method = 'GET'): Promise<StreamedResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, agent: false }, (message) => {
      message.pause();
      resolve({ status: message.statusCode ?? 0, headers: message.headers, message });
    });
    request.on('error', reject);
    request.end();
  });
}

/** Reads the body to its end (or its cut), calling `onChunk` with each chunk as it arrives. */
export function readStream({ message }: StreamedResponse, onChunk?: (chunk: Buffer, chunks: Buffer[]) => void): Promise<ReadStream> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      onChunk?.(chunk, chunks);
    });
    // A cut connection errors the message; `complete` says so.
    message.on('error', () => undefined);
    message.on('close', () => resolve({ chunks, body: Buffer.concat(chunks), complete: message.complete }));
    message.resume();
  });
}

/** The NDJSON lines of a body. */
export const ndjsonLines = (body: Buffer): unknown[] =>
  body
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
