import { isRecord } from './event-fields';
import { alb } from './formats/alb';
import type { EventFormat } from './formats/event-format';
import { httpV2 } from './formats/http-v2';
import { latticeV1 } from './formats/lattice-v1';
import { latticeV2 } from './formats/lattice-v2';
import { restV1 } from './formats/rest-v1';

/** ALB events carry `requestContext.elb` and otherwise look like REST v1: test it first. */
export function isAlbEvent(event: Record<string, unknown>): boolean {
  return isRecord(event['requestContext']) && isRecord(event['requestContext']['elb']);
}

/** HTTP API 2.0 and Function URLs. A 2.0 event without `requestContext.http` has no method: bad. */
export function isV2Event(event: Record<string, unknown>): boolean {
  return event['version'] === '2.0' && isRecord(event['requestContext']) && isRecord(event['requestContext']['http']);
}

/** REST v1. A v1 event through a custom domain may also carry `rawPath`: still v1. */
export function isV1Event(event: Record<string, unknown>): boolean {
  return typeof event['httpMethod'] === 'string' && typeof event['path'] === 'string';
}

/**
 * VPC Lattice V2: `version: "2.0"` like HTTP API's, but `method` and `path` at the top and no
 * `requestContext.http`; tested after HTTP API so that a 2.0 event with `http` stays HTTP API's.
 */
export function isLatticeV2Event(event: Record<string, unknown>): boolean {
  return event['version'] === '2.0' && typeof event['method'] === 'string' && typeof event['path'] === 'string';
}

/** VPC Lattice V1: the only source with snake_case `raw_path`. */
export function isLatticeV1Event(event: Record<string, unknown>): boolean {
  return typeof event['raw_path'] === 'string' && typeof event['method'] === 'string';
}

/** The format of an event, or undefined when it is none of them (`{}`, an SQS record...). */
export function detectFormat(event: unknown): EventFormat | undefined {
  if (!isRecord(event)) return undefined;
  if (isAlbEvent(event)) return alb;
  if (isV2Event(event)) return httpV2;
  if (isLatticeV2Event(event)) return latticeV2;
  if (isV1Event(event)) return restV1;
  if (isLatticeV1Event(event)) return latticeV1;
  return undefined;
}

/** The event sources that invoke a function with InvokeWithResponseStream and read a prelude. */
export type StreamSource = 'rest-v1' | 'function-url';

/** Function URLs answer from `<url-id>.lambda-url.<region>.on.aws`; an HTTP API never does. */
function isFunctionUrlEvent(event: Record<string, unknown>): boolean {
  const requestContext = event['requestContext'];
  const domainName = isRecord(requestContext) ? requestContext['domainName'] : undefined;
  return typeof domainName === 'string' && domainName.includes('.lambda-url.');
}

/**
 * An HTTP API's payload 1.0 has REST's shape; only `version` tells it apart (a REST API sends
 * none), and it matters where REST and HTTP APIs differ: only REST can stream.
 */
function isHttpApiV1Event(event: Record<string, unknown>): boolean {
  return event['version'] === '1.0';
}

/**
 * Which streaming source sent an event, or undefined for one that cannot stream: HTTP APIs
 * (payload 1.0 and 2.0), ALB and VPC Lattice invoke a function only with Invoke, whose answer is
 * the buffered result.
 */
export function streamSourceOf(format: EventFormat, event: Record<string, unknown>): StreamSource | undefined {
  if (format.name === 'rest-v1') return isHttpApiV1Event(event) ? undefined : 'rest-v1';
  if (format.name === 'http-v2' && isFunctionUrlEvent(event)) return 'function-url';
  return undefined;
}
