import type { APIGatewayProxyResult } from 'aws-lambda';
import { isRecord, readOptionalMap, readOptionalString, readString } from '../bad-event';
import { encodeQueryComponent, joinQueryMap } from '../query-string';
import { collectHeaders } from '../request-headers';
import { joinHeaderValues, listHeaderValues, type EventFormat } from './event-format';

/** REST API (payload 1.0). API Gateway always sends both header maps; the multi-value one wins. */
export const restV1: EventFormat = {
  name: 'rest-v1',

  readRequest(event) {
    const requestContext = readOptionalMap(event, 'requestContext');
    const identity = requestContext && readOptionalMap(requestContext, 'identity');
    return {
      method: readString(event, 'httpMethod'),
      path: readString(event, 'path'),
      query: joinQueryMap(
        readOptionalMap(event, 'multiValueQueryStringParameters') ?? readOptionalMap(event, 'queryStringParameters'),
        encodeQueryComponent,
      ),
      rawHeaders: collectHeaders(readOptionalMap(event, 'multiValueHeaders') ?? readOptionalMap(event, 'headers')),
      body: readOptionalString(event, 'body'),
      isBase64Encoded: event['isBase64Encoded'] === true,
      sourceIp: identity ? readOptionalString(identity, 'sourceIp') : undefined,
    };
  },

  writeResult(parts, event): APIGatewayProxyResult {
    const result: APIGatewayProxyResult = { statusCode: parts.statusCode, body: parts.body };
    if (isRecord(event['multiValueHeaders'])) {
      const multiValueHeaders = listHeaderValues(parts.headers);
      if (parts.cookies.length > 0) multiValueHeaders['set-cookie'] = parts.cookies as string[];
      result.multiValueHeaders = multiValueHeaders;
    } else {
      result.headers = joinHeaderValues(parts.headers);
      // REST APIs accept multiValueHeaders whatever the event had: cookies never have to be dropped.
      if (parts.cookies.length > 0) result.multiValueHeaders = { 'set-cookie': parts.cookies as string[] };
    }
    result.isBase64Encoded = parts.isBase64Encoded;
    return result;
  },
};
