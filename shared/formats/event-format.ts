import type { ALBResult, APIGatewayProxyResult, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * Where an event keeps the query: HTTP API's encoded string, or the maps of REST v1 (keys and
 * values decoded) and ALB (still encoded as the client sent them). `requestTarget` encodes it.
 */
export type QuerySource =
  | { readonly kind: 'string'; readonly text: string }
  | { readonly kind: 'map'; readonly map: Record<string, unknown> | undefined; readonly encoded: boolean };

/**
 * What an event says about the HTTP request, before any decoding: one shape for every format.
 * Path and query are as the event has them; `requestTarget` turns them into the app's URL.
 */
export interface EventRequest {
  readonly method: string;
  /** The path exactly as the event gives it: stage (if any) and base path still in it. */
  readonly path: string;
  /** The stage whose segment begins `path` (an HTTP API's named stage on its own endpoint), else undefined. */
  readonly stage: string | undefined;
  readonly query: QuerySource;
  /** Node's `rawHeaders` form: name, value, name, value... */
  readonly rawHeaders: string[];
  readonly body: string | undefined;
  readonly isBase64Encoded: boolean;
  readonly sourceIp: string | undefined;
  /** Whether the client's connection was HTTPS (always, but for an ALB HTTP listener). */
  readonly encrypted: boolean;
}

/** The app's response, ready to be written in any format. */
export interface ResultParts {
  readonly statusCode: number;
  /** Lower-case names, values in order; `set-cookie` is in `cookies` instead. Owned by the result. */
  readonly headers: ReadonlyMap<string, readonly string[]>;
  readonly cookies: readonly string[];
  readonly body: string;
  readonly isBase64Encoded: boolean;
}

/** What a VPC Lattice result is: ALB's single-value shape. Lattice reads no multi-value map. */
export interface LatticeResult {
  statusCode: number;
  statusDescription: string;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
}

export type ProxyResult = APIGatewayProxyResult | APIGatewayProxyStructuredResultV2 | ALBResult | LatticeResult;

/**
 * One event source. Formats differ only in where the request's parts are and how headers and
 * cookies go back; everything else (decoding, paths, binary, limits) is shared.
 */
export interface EventFormat {
  readonly name: 'rest-v1' | 'http-v2' | 'alb' | 'lattice-v1' | 'lattice-v2';
  /** The largest result, as JSON, that this source accepts from Lambda. */
  readonly responseLimitBytes: number;
  /** Reads the request's parts; throws `BadEventError` when the event cannot be read. */
  readRequest(event: Record<string, unknown>): EventRequest;
  /** Writes the response as this format's result, in the header mode the event used. */
  writeResult(parts: ResultParts, event: Record<string, unknown>, requestId: string | undefined): ProxyResult;
}

/** Single-value header maps join repeated values the way HTTP does. */
export function joinHeaderValues(headers: ReadonlyMap<string, readonly string[]>): Record<string, string> {
  const joined: Record<string, string> = {};
  for (const [name, values] of headers) joined[name] = values.length === 1 ? (values[0] as string) : values.join(', ');
  return joined;
}
