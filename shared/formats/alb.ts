import { STATUS_CODES } from 'node:http';
import type { ALBResult } from 'aws-lambda';
import { isRecord, readOptionalMap, readOptionalString, readString } from '../bad-event';
import { logLine } from '../log';
import { joinQueryMap, keepEncoded } from '../query-string';
import { collectHeaders } from '../request-headers';
import { encodeQuery } from '../request-target';
import { joinHeaderValues, listHeaderValues, type EventFormat } from './event-format';

/**
 * Application Load Balancer, in either header mode. The target group's setting decides the
 * mode; the event shows it (multi-value maps present), and the result must answer in kind.
 */
export const alb: EventFormat = {
  name: 'alb',

  readRequest(event) {
    const multiValueQuery = readOptionalMap(event, 'multiValueQueryStringParameters');
    return {
      method: readString(event, 'httpMethod'),
      path: readString(event, 'path'),
      query: encodeQuery(joinQueryMap(multiValueQuery ?? readOptionalMap(event, 'queryStringParameters'), keepEncoded)),
      rawHeaders: collectHeaders(readOptionalMap(event, 'multiValueHeaders') ?? readOptionalMap(event, 'headers')),
      body: readOptionalString(event, 'body'),
      isBase64Encoded: event['isBase64Encoded'] === true,
      sourceIp: undefined,
    };
  },

  writeResult(parts, event, requestId): ALBResult {
    const result: ALBResult = {
      statusCode: parts.statusCode,
      statusDescription: `${parts.statusCode} ${STATUS_CODES[parts.statusCode] ?? ''}`.trimEnd(),
    };
    if (isRecord(event['multiValueHeaders'])) {
      const multiValueHeaders = listHeaderValues(parts.headers);
      if (parts.cookies.length > 0) multiValueHeaders['set-cookie'] = parts.cookies as string[];
      result.multiValueHeaders = multiValueHeaders;
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
