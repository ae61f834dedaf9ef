import { assignParameterValues } from '../../dev/sam-model/assign-parameter-values';
import { readTemplate } from '../../dev/sam-model/read-template';
import { FIXTURE_TEMPLATE, REAL_TEMPLATE } from '../local-api/start-test-api';

// Parameter overrides reach every !Ref and !Sub, and values a deploy would refuse are refused.
describe('reading a template with parameter overrides', () => {
  it('resolves !Ref and !Sub with the overrides, and keeps the defaults of the others', () => {
    const template = readTemplate(FIXTURE_TEMPLATE, { parameterOverrides: { Greeting: 'howdy' } });
    const echo = template.functions.find((fn) => fn.logicalId === 'EchoFunction');
    expect(echo?.environment['GREETING']).toBe('howdy from xx-local-1');
    expect(template.parameters).toMatchObject({ Greeting: 'howdy', StageName: 'test' });
    expect(template.routes[0]?.api.stageName).toBe('test');

    const staged = readTemplate(FIXTURE_TEMPLATE, { parameterOverrides: { StageName: 'qa' } });
    expect(staged.routes.map((route) => route.api.stageName)).toEqual(staged.routes.map(() => 'qa'));
  });

  it('accepts values within the declared constraints', () => {
    const template = readTemplate(REAL_TEMPLATE, { parameterOverrides: { LogRetentionInDays: '30', ThrottlingRateLimit: '1' } });
    expect(template.parameters).toMatchObject({ LogRetentionInDays: '30', ThrottlingRateLimit: '1' });
  });

  it.each([
    [
      'a parameter the template does not declare',
      { Stage: 'qa' },
      /^parameter override Stage: the template declares no such parameter \(it declares ThrottlingRateLimit, ThrottlingBurstLimit, LogRetentionInDays\)$/,
    ],
    [
      'a value outside AllowedValues',
      { LogRetentionInDays: '2' },
      /^parameter override LogRetentionInDays=2: not one of its AllowedValues \(1, 3, 5, 7, 14,/,
    ],
    [
      'a value that is not a number for Type Number',
      { ThrottlingRateLimit: 'ten' },
      /ThrottlingRateLimit=ten: not a number, and the parameter is of Type Number$/,
    ],
    ['a number below MinValue', { ThrottlingBurstLimit: '0' }, /ThrottlingBurstLimit=0: below its MinValue 1$/],
  ])('refuses %s, naming it', (_name, overrides, message) => {
    expect(() => readTemplate(REAL_TEMPLATE, { parameterOverrides: overrides })).toThrow(message);
  });
});

describe('checking an override against its declaration', () => {
  const declarations = {
    Name: { Type: 'String', AllowedPattern: '[a-z]+', MinLength: 2, MaxLength: 5 },
    Size: { Type: 'Number', MaxValue: 10, Default: 3 },
  };

  it.each([
    [{ Name: 'ab1' }, /Name=ab1: does not match its AllowedPattern \[a-z\]\+$/],
    [{ Name: 'a' }, /Name=a: shorter than its MinLength 2$/],
    [{ Name: 'abcdef' }, /Name=abcdef: longer than its MaxLength 5$/],
    [{ Size: '11' }, /Size=11: above its MaxValue 10$/],
    [{ Size: '' }, /Size=: not a number/],
  ])('refuses %j', (overrides, message) => {
    expect(() => assignParameterValues(declarations, overrides)).toThrow(message);
  });

  it('takes a value that meets every constraint, the pattern matching the whole value', () => {
    expect(assignParameterValues(declarations, { Name: 'abc', Size: '10' })).toEqual({ Name: 'abc', Size: '10' });
    expect(assignParameterValues(declarations)).toEqual({ Size: 3 });
  });
});
