import { STATUS_CODES } from 'node:http';
import type { ALBResult } from 'aws-lambda';
import { isRecord } from '../event-fields';
import { logLine } from '../log';
import { ALB_RESPONSE_LIMIT_BYTES } from '../response-limit';
import { joinHeaderValues, type EventFormat } from './event-format';
import { listHeaderValues, readV1Shape } from './v1-shape';

/** ALB sets X-Forwarded-Proto itself: `http` on an HTTP listener, the only case that is not HTTPS. */
function isHttpsListener(rawHeaders: readonly string[]): boolean {
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]?.toLowerCase() === 'x-forwarded-proto') return rawHeaders[i + 1]?.trim().toLowerCase() !== 'http';
  }
  return true;
}

/**
 * Application Load Balancer, in either header mode. The target group's setting decides the
 * mode; the event shows it (multi-value maps present), and the result must answer in kind.
 */
export const alb: EventFormat = {
  name: 'alb',
  responseLimitBytes: ALB_RESPONSE_LIMIT_BYTES,

  readRequest(event) {
    // Query keys and values arrive as the client sent them, still encoded (`+` is a space).
    return readV1Shape(event, { queryEncoded: true, sourceIp: undefined, isEncrypted: isHttpsListener });
  },

  writeResult(parts, event, requestId): ALBResult {
    const result: ALBResult = {
      statusCode: parts.statusCode,
      statusDescription: `${parts.statusCode} ${STATUS_CODES[parts.statusCode] ?? ''}`.trimEnd(),
    };
    if (isRecord(event['multiValueHeaders'])) {
      result.multiValueHeaders = listHeaderValues(parts);
    } else {
      const headers = joinHeaderValues(parts.headers);
      // Single-value mode has room for one Set-Cookie: keep the first intact rather than a broken join.
      const [firstCookie] = parts.cookies;
      if (firstCookie !== undefined) headers['set-cookie'] = firstCookie;
      if (parts.cookies.length > 1) {
        logLine('WARN', 'ALB single-value header mode: only the first Set-Cookie was sent', requestId, {
          droppedCookies: parts.cookies.length - 1,
        });
      }
      result.headers = headers;
    }
    result.body = parts.body;
    result.isBase64Encoded = parts.isBase64Encoded;
    return result;
  },
};
