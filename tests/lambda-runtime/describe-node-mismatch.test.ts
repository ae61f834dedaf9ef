import { describeNodeMismatch } from '../../dev/lambda-runtime/describe-node-mismatch';

describe('the warning when the local Node.js is not the template runtime', () => {
  it.each([
    ['nodejs24.x functions on Node 24: nothing to say', ['nodejs24.x', 'nodejs24.x'], '24.11.0', undefined],
    ['nodejs24.x functions on Node 20: names both and how to match', ['nodejs24.x'], '20.20.2', /nodejs24\.x.*Node\.js 20\.20\.2.*node@24/],
    ['nodejs24.x functions on Node 22', ['nodejs24.x'], '22.12.0', /nodejs24\.x/],
    ['a runtime that is not Node.js is not compared', ['python3.13', 'provided.al2023'], '22.12.0', undefined],
  ])('%s', (_name, runtimes, nodeVersion, expected) => {
    const warning = describeNodeMismatch(runtimes, nodeVersion);
    if (expected === undefined) expect(warning).toBeUndefined();
    else expect(warning).toMatch(expected);
  });

  it('names each mismatched runtime once', () => {
    expect(describeNodeMismatch(['nodejs22.x', 'nodejs24.x', 'nodejs22.x'], '20.1.0')?.match(/nodejs22\.x/g)).toHaveLength(1);
  });
});
