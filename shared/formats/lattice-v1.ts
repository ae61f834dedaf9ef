import { readFlag, readMethod, readOptionalMap, readOptionalString, readString } from '../event-fields';
import { collectHeaders, isForwardedHttps } from '../request-headers';
import type { EventFormat } from './event-format';
import { latticeResult } from './lattice-shape';

/**
 * VPC Lattice, event structure V1: snake_case fields (`raw_path` without the query,
 * `query_string_parameters`, `is_base64_encoded`), one value per header and query key, no
 * request context.
 */
export const latticeV1: EventFormat = {
  name: 'lattice-v1',
  ...latticeResult,

  readRequest(event) {
    const rawHeaders = collectHeaders(readOptionalMap(event, 'headers'));
    return {
      method: readMethod(event, 'method'),
      path: readString(event, 'raw_path'),
      stage: undefined,
      // Keys and values decoded, as REST's are.
      query: { kind: 'map', map: readOptionalMap(event, 'query_string_parameters'), encoded: false },
      rawHeaders,
      body: readOptionalString(event, 'body'),
      isBase64Encoded: readFlag(event, 'is_base64_encoded'),
      sourceIp: undefined,
      encrypted: isForwardedHttps(rawHeaders),
    };
  },
};
