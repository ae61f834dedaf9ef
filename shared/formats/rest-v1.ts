import type { APIGatewayProxyResult } from 'aws-lambda';
import { isRecord, readOptionalMap, readOptionalString } from '../event-fields';
import { LAMBDA_RESPONSE_LIMIT_BYTES } from '../response-limit';
import { joinHeaderValues, type EventFormat } from './event-format';
import { listHeaderValues, readV1Shape } from './v1-shape';

// REST APIs answer on HTTPS only.
const alwaysEncrypted = (): boolean => true;

/** REST API (payload 1.0). Both header and query maps are read, the multi-value one winning a name both have. */
export const restV1: EventFormat = {
  name: 'rest-v1',
  responseLimitBytes: LAMBDA_RESPONSE_LIMIT_BYTES,

  readRequest(event) {
    const requestContext = readOptionalMap(event, 'requestContext');
    const identity = requestContext && readOptionalMap(requestContext, 'identity');
    const sourceIp = identity ? readOptionalString(identity, 'sourceIp') : undefined;
    return readV1Shape(event, { queryEncoded: false, sourceIp, isEncrypted: alwaysEncrypted });
  },

  writeResult(parts, event): APIGatewayProxyResult {
    const result: APIGatewayProxyResult = { statusCode: parts.statusCode, body: parts.body };
    if (isRecord(event['multiValueHeaders'])) {
      result.multiValueHeaders = listHeaderValues(parts);
    } else {
      result.headers = joinHeaderValues(parts.headers);
      // REST APIs accept multiValueHeaders whatever the event had: cookies never have to be dropped.
      if (parts.cookies.length > 0) result.multiValueHeaders = { 'set-cookie': parts.cookies as string[] };
    }
    result.isBase64Encoded = parts.isBase64Encoded;
    return result;
  },
};
