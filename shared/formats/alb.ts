import type { ALBResult } from 'aws-lambda';
import { isRecord } from '../event-fields';
import { isForwardedHttps } from '../request-headers';
import { ALB_RESPONSE_LIMIT_BYTES } from '../response-limit';
import type { EventFormat } from './event-format';
import { singleValueHeaders, statusDescriptionOf } from './single-value-headers';
import { listHeaderValues, readV1Shape } from './v1-shape';

/**
 * Application Load Balancer, in either header mode. The target group's setting decides the
 * mode; the event shows it (multi-value maps present), and the result must answer in kind.
 */
export const alb: EventFormat = {
  name: 'alb',
  responseLimitBytes: ALB_RESPONSE_LIMIT_BYTES,

  readRequest(event) {
    // Query keys and values arrive as the client sent them, still encoded (`+` is a space).
    return readV1Shape(event, { queryEncoded: true, sourceIp: undefined, isEncrypted: isForwardedHttps });
  },

  writeResult(parts, event, requestId): ALBResult {
    const result: ALBResult = { statusCode: parts.statusCode, statusDescription: statusDescriptionOf(parts.statusCode) };
    if (isRecord(event['multiValueHeaders'])) result.multiValueHeaders = listHeaderValues(parts);
    else result.headers = singleValueHeaders(parts, 'ALB single-value header mode', requestId);
    result.body = parts.body;
    result.isBase64Encoded = parts.isBase64Encoded;
    return result;
  },
};
