import { latticeEvent, type LatticeVersion } from '../../../dev/sample-events/lattice-event';
import { groupPairs, lastValue, mapValues } from '../../../dev/sample-events/sample-request';
import { isRecord } from '../../../shared/event-fields';
import { commonShapeProblems, cookiesKeyProblems, readGenericResult, type FormatFixture } from './format-fixture';

function latticeShapeProblems(result: unknown): string[] {
  const problems = [...commonShapeProblems(result), ...cookiesKeyProblems(result)];
  if (!isRecord(result)) return problems;
  const description = result['statusDescription'];
  if (typeof description !== 'string' || !description.startsWith(String(result['statusCode']))) {
    problems.push(`statusDescription ${String(description)}`);
  }
  if (!isRecord(result['headers'])) problems.push('no headers map');
  if ('multiValueHeaders' in result) problems.push('multiValueHeaders (VPC Lattice reads only headers)');
  return problems;
}

function latticeFixture(version: LatticeVersion): FormatFixture {
  return {
    name: version === 'v1' ? 'lattice-v1' : 'lattice-v2',
    buildEvent: (spec) => latticeEvent(spec, version),
    readResult: readGenericResult,
    shapeProblems: latticeShapeProblems,
    requestHeaderValues: (values) => (version === 'v2' ? [...values] : [values.join(', ')]),
    requestQuery: (pairs) => {
      if (version === 'v2') return pairs.map(([key, value]) => [key, value]);
      return Object.entries(mapValues(groupPairs(pairs), lastValue));
    },
    responseHeaderValues: (values) => [values.join(', ')],
    carriesEveryCookie: false,
    cookieField: 'headers',
    stageInPath: false,
    tellsSourceIp: false,
  };
}

export const latticeV1 = latticeFixture('v1');
export const latticeV2 = latticeFixture('v2');
