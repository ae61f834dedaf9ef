import { readFlag, readMethod, readOptionalMap, readOptionalString, readString } from '../event-fields';
import { collectHeaders, isForwardedHttps } from '../request-headers';
import type { EventFormat } from './event-format';
import { latticeResult, splitPathQuery } from './lattice-shape';

/**
 * VPC Lattice, event structure V2 (`version: "2.0"`): every header and query key a list of
 * values, a `requestContext` naming the service, target group and caller, no `http` in it. Its
 * `path` is the request target as sent, query included (what the Hono and serverless-express
 * adapters rely on): that query wins over the map, which is read only for a path without one.
 */
export const latticeV2: EventFormat = {
  name: 'lattice-v2',
  ...latticeResult,

  readRequest(event) {
    const rawHeaders = collectHeaders(readOptionalMap(event, 'headers'));
    const { path, query } = splitPathQuery(readString(event, 'path'));
    return {
      method: readMethod(event, 'method'),
      path,
      stage: undefined,
      // The query as sent when the path carries it; else the map, keys and values decoded.
      query: query ?? { kind: 'map', map: readOptionalMap(event, 'queryStringParameters'), encoded: false },
      rawHeaders,
      body: readOptionalString(event, 'body'),
      isBase64Encoded: readFlag(event, 'isBase64Encoded'),
      sourceIp: undefined,
      encrypted: isForwardedHttps(rawHeaders),
    };
  },
};
