import { bodyText, groupPairs, headersWithDefaults, lastValue, mapValues, type RequestSpec } from './sample-request';

/** The VPC Lattice event structure a target group is set to send (its `LambdaEventStructureVersion`). */
export type LatticeVersion = 'v1' | 'v2';

export const LATTICE_HOST = 'orders-0123456789abcdef0.7d67968.vpc-lattice-svcs.xx-local-1.on.aws';

const ARN = 'arn:aws:vpc-lattice:xx-local-1:000000000000';

// Characters a path may hold as they are (RFC 3986 pchar and '/'); a valid %XX stays as the client typed it.
const PATH_CHAR = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;

/** The path as a client puts it in its request line: everything else percent-encoded as UTF-8. */
function encodeLikeAClient(path: string): string {
  let encoded = '';
  for (let i = 0; i < path.length; i += 1) {
    const char = path[i] as string;
    if (char === '%' && /^[0-9A-Fa-f]{2}$/.test(path.slice(i + 1, i + 3))) encoded += char;
    else if (PATH_CHAR.test(char)) encoded += char;
    else {
      const codePoint = path.codePointAt(i) ?? 0;
      const whole = String.fromCodePoint(codePoint);
      encoded += encodeURIComponent(whole.isWellFormed() ? whole : '\ufffd');
      if (whole.length === 2) i += 1;
    }
  }
  return encoded;
}

const encodePair = ([key, value]: readonly [string, string]): string => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`;

/**
 * A VPC Lattice event. V1: snake_case fields, one value per header (repeats joined with `, `) and
 * per query key (the last). V2: camelCase, every header and query key a list of values in order,
 * a request context naming the service network, service and target group, and `path` the request
 * target as the client sent it, query included (as the Hono and serverless-express adapters read
 * it), besides the query map. Header names in lower case; map keys and values decoded.
 */
export function latticeEvent(spec: RequestSpec, version: LatticeVersion, host = LATTICE_HOST): Record<string, unknown> {
  const pairs = headersWithDefaults(spec, host);
  if (spec.cookies.length > 0) pairs.push(['cookie', spec.cookies.join('; ')]);
  const headers = groupPairs(pairs, (name) => name.toLowerCase());
  const query = groupPairs(spec.query);
  const body = bodyText(spec);
  if (version === 'v1') {
    return {
      raw_path: spec.path,
      method: spec.method,
      headers: mapValues(headers, (values) => values.join(', ')),
      query_string_parameters: mapValues(query, lastValue),
      body: body ?? '',
      is_base64_encoded: spec.isBase64,
    };
  }
  const target = encodeLikeAClient(spec.path) + (spec.query.length > 0 ? `?${spec.query.map(encodePair).join('&')}` : '');
  return {
    version: '2.0',
    path: target,
    method: spec.method,
    headers: mapValues(headers, (values) => values),
    queryStringParameters: mapValues(query, (values) => values),
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: spec.isBase64,
    requestContext: {
      serviceNetworkArn: `${ARN}:servicenetwork/sn-0123456789abcdef0`,
      serviceArn: `${ARN}:service/svc-0123456789abcdef0`,
      targetGroupArn: `${ARN}:targetgroup/tg-0123456789abcdef0`,
      identity: { sourceVpcArn: 'arn:aws:ec2:xx-local-1:000000000000:vpc/vpc-0123456789abcdef0', type: 'AWS_IAM' },
      region: 'xx-local-1',
      timeEpoch: String(spec.time.getTime() * 1000),
    },
  };
}
