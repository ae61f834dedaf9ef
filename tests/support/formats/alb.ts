import { bodyText, groupPairs, headersWithDefaults, lastValue, mapValues, type RequestSpec } from '../../../dev/sam-model/events/sample-request';
import { commonShapeProblems, cookiesKeyProblems, isRecord, readGenericResult, type FormatFixture } from './format-fixture';

type HeaderMode = 'single' | 'multi';

const encodePair = ([key, value]: readonly [string, string]): [string, string] => [encodeURIComponent(key), encodeURIComponent(value)];

/**
 * An ALB event. Query keys and values arrive encoded as the client sent them; in single-value
 * mode a repeated header or query key keeps only its last value, as ALB does.
 */
function albEvent(spec: RequestSpec, mode: HeaderMode): Record<string, unknown> {
  const pairs = headersWithDefaults(spec, 'api-alb.example.com');
  if (spec.cookies.length > 0) pairs.push(['cookie', spec.cookies.join('; ')]);
  const headers = groupPairs(pairs, (name) => name.toLowerCase());
  const query = groupPairs(spec.query.map(encodePair));
  const event: Record<string, unknown> = {
    requestContext: { elb: { targetGroupArn: 'arn:aws:elasticloadbalancing:xx-local-1:000000000000:targetgroup/api/0123456789abcdef' } },
    httpMethod: spec.method,
    path: spec.path,
  };
  if (mode === 'multi') {
    event['multiValueQueryStringParameters'] = mapValues(query, (values) => values);
    event['multiValueHeaders'] = mapValues(headers, (values) => values);
  } else {
    event['queryStringParameters'] = mapValues(query, lastValue);
    event['headers'] = mapValues(headers, lastValue);
  }
  event['body'] = bodyText(spec) ?? '';
  event['isBase64Encoded'] = spec.isBase64;
  return event;
}

function albShapeProblems(result: unknown, mode: HeaderMode): string[] {
  const problems = [...commonShapeProblems(result), ...cookiesKeyProblems(result)];
  if (!isRecord(result)) return problems;
  const description = result['statusDescription'];
  if (typeof description !== 'string' || !description.startsWith(String(result['statusCode']))) {
    problems.push(`statusDescription ${String(description)}`);
  }
  const [expected, other] = mode === 'multi' ? ['multiValueHeaders', 'headers'] : ['headers', 'multiValueHeaders'];
  if (!isRecord(result[expected])) problems.push(`no ${expected} in ${mode}-value header mode`);
  if (other in result) problems.push(`${other} in ${mode}-value header mode`);
  return problems;
}

function albFixture(mode: HeaderMode): FormatFixture {
  return {
    name: mode === 'multi' ? 'alb-multi' : 'alb-single',
    buildEvent: (spec) => albEvent(spec, mode),
    readResult: readGenericResult,
    shapeProblems: (result) => albShapeProblems(result, mode),
    requestHeaderValues: (values) => (mode === 'multi' ? [...values] : [lastValue([...values])]),
    requestQuery: (pairs) => {
      if (mode === 'multi') return pairs.map(([key, value]) => [key, value]);
      return Object.entries(mapValues(groupPairs(pairs), lastValue));
    },
    responseHeaderValues: (values) => (mode === 'multi' ? [...values] : [values.join(', ')]),
    carriesEveryCookie: mode === 'multi',
    cookieField: mode === 'multi' ? 'multiValueHeaders' : 'headers',
    stageInPath: false,
    tellsSourceIp: false,
  };
}

export const albSingle = albFixture('single');
export const albMulti = albFixture('multi');
