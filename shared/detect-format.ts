import { isRecord } from './event-fields';
import { alb } from './formats/alb';
import type { EventFormat } from './formats/event-format';
import { httpV2 } from './formats/http-v2';
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

/** The format of an event, or undefined when it is none of them (`{}`, an SQS record...). */
export function detectFormat(event: unknown): EventFormat | undefined {
  if (!isRecord(event)) return undefined;
  if (isAlbEvent(event)) return alb;
  if (isV2Event(event)) return httpV2;
  if (isV1Event(event)) return restV1;
  return undefined;
}
