import type { ALBEvent } from 'aws-lambda';
import { bodyText, groupPairs, headersWithDefaults, lastValue, mapValues, type RequestSpec } from './sample-request';

/** Whether the target group has multi-value headers on (`lambda.multi_value_headers.enabled`). */
export type AlbHeaderMode = 'single' | 'multi';

export const ALB_HOST = 'api-alb.example.com';

const encodePair = ([key, value]: readonly [string, string]): [string, string] => [encodeURIComponent(key), encodeURIComponent(value)];

/**
 * An ALB event. Query keys and values arrive encoded as the client sent them; in single-value
 * mode a repeated header or query key keeps only its last value, as ALB does.
 */
export function albEvent(spec: RequestSpec, mode: AlbHeaderMode, host = ALB_HOST): ALBEvent {
  const pairs = headersWithDefaults(spec, host);
  if (spec.cookies.length > 0) pairs.push(['cookie', spec.cookies.join('; ')]);
  const headers = groupPairs(pairs, (name) => name.toLowerCase());
  const query = groupPairs(spec.query.map(encodePair));
  const maps =
    mode === 'multi'
      ? { multiValueQueryStringParameters: mapValues(query, (values) => values), multiValueHeaders: mapValues(headers, (values) => values) }
      : { queryStringParameters: mapValues(query, lastValue), headers: mapValues(headers, lastValue) };
  return {
    requestContext: { elb: { targetGroupArn: 'arn:aws:elasticloadbalancing:xx-local-1:000000000000:targetgroup/api/0123456789abcdef' } },
    httpMethod: spec.method,
    path: spec.path,
    ...maps,
    body: bodyText(spec) ?? '',
    isBase64Encoded: spec.isBase64,
  };
}
