import { albEvent, type AlbHeaderMode as HeaderMode } from '../../../dev/sample-events/alb-event';
import { groupPairs, lastValue, mapValues } from '../../../dev/sample-events/sample-request';
import { isRecord } from '../../../shared/event-fields';
import { commonShapeProblems, cookiesKeyProblems, readGenericResult, type FormatFixture } from './format-fixture';

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
    buildEvent: (spec) => ({ ...albEvent(spec, mode) }),
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
