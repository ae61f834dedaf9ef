import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { BadEventError, readFlag, readMethod, readOptionalMap, readOptionalString, readString } from '../event-fields';
import { collectHeaders } from '../request-headers';
import { LAMBDA_RESPONSE_LIMIT_BYTES } from '../response-limit';
import { joinHeaderValues, type EventFormat } from './event-format';

function readCookies(event: Record<string, unknown>): string[] {
  const cookies = event['cookies'];
  if (cookies === undefined || cookies === null) return [];
  if (!Array.isArray(cookies) || !cookies.every((cookie) => typeof cookie === 'string')) {
    throw new BadEventError('cookies is not a list of strings');
  }
  return cookies as string[];
}

/**
 * Through the API's own endpoint a named stage's segment is in rawPath (unlike REST's path), and
 * the app's routes do not have it. Through a custom domain the mapping hides the stage: rawPath
 * is the app's, and its first segment may only look like the stage. The default endpoint is the
 * one whose host starts with the API id.
 */
function isNamedStageEndpoint(requestContext: Record<string, unknown>): boolean {
  const stage = readOptionalString(requestContext, 'stage');
  if (!stage || stage === '$default') return false;
  const apiId = readOptionalString(requestContext, 'apiId');
  const domainPrefix = readOptionalString(requestContext, 'domainPrefix');
  return apiId === undefined || domainPrefix === undefined || domainPrefix === apiId;
}

/** HTTP API (payload 2.0) and Lambda Function URLs, which share its shape. */
export const httpV2: EventFormat = {
  name: 'http-v2',
  responseLimitBytes: LAMBDA_RESPONSE_LIMIT_BYTES,

  readRequest(event) {
    const requestContext = readOptionalMap(event, 'requestContext') ?? {};
    const http = readOptionalMap(requestContext, 'http') ?? {};

    const rawHeaders = collectHeaders(readOptionalMap(event, 'headers'));
    const cookies = readCookies(event);
    if (cookies.length > 0) {
      const cookieHeader = cookies.join('; ');
      if (/[\r\n\0]/.test(cookieHeader)) throw new BadEventError('a cookie contains CR, LF or NUL');
      rawHeaders.push('cookie', cookieHeader);
    }

    return {
      method: readMethod(http, 'method'),
      path: readString(event, 'rawPath'),
      stage: isNamedStageEndpoint(requestContext) ? readOptionalString(requestContext, 'stage') : undefined,
      query: { kind: 'string', text: readOptionalString(event, 'rawQueryString') ?? '' },
      rawHeaders,
      body: readOptionalString(event, 'body'),
      isBase64Encoded: readFlag(event, 'isBase64Encoded'),
      sourceIp: readOptionalString(http, 'sourceIp'),
      encrypted: true,
    };
  },

  writeResult(parts): APIGatewayProxyStructuredResultV2 {
    const result: APIGatewayProxyStructuredResultV2 = {
      statusCode: parts.statusCode,
      headers: joinHeaderValues(parts.headers),
      body: parts.body,
      isBase64Encoded: parts.isBase64Encoded,
    };
    if (parts.cookies.length > 0) result.cookies = parts.cookies as string[];
    return result;
  },
};
