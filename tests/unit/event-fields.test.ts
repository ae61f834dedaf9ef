import { BadEventError, isRecord, readOptionalMap, readOptionalString, readString } from '../../shared/event-fields';

describe('isRecord', () => {
  it.each([
    [{}, true],
    [{ a: 1 }, true],
    [null, false],
    [[], false],
    ['text', false],
    [1, false],
    [undefined, false],
  ])('says %j is a record: %s', (value, expected) => {
    expect(isRecord(value)).toBe(expected);
  });
});

describe('event field readers', () => {
  it('read a present string', () => {
    expect(readOptionalString({ path: '/ping' }, 'path')).toBe('/ping');
    expect(readString({ path: '/ping' }, 'path')).toBe('/ping');
  });

  it('treat absent and null optional fields as undefined', () => {
    expect(readOptionalString({}, 'body')).toBeUndefined();
    expect(readOptionalString({ body: null }, 'body')).toBeUndefined();
    expect(readOptionalMap({}, 'headers')).toBeUndefined();
    expect(readOptionalMap({ headers: null }, 'headers')).toBeUndefined();
  });

  it('call a missing required string a bad event that names the field', () => {
    expect(() => readString({}, 'httpMethod')).toThrow(new BadEventError('httpMethod is missing'));
    expect(() => readString({ httpMethod: null }, 'httpMethod')).toThrow(BadEventError);
  });

  it.each([[42], [true], [{}], [['GET']]])('call a string field holding %j a bad event', (value) => {
    expect(() => readOptionalString({ httpMethod: value }, 'httpMethod')).toThrow(BadEventError);
  });

  it.each([['text'], [42], [['a']]])('call a map field holding %j a bad event', (value) => {
    expect(() => readOptionalMap({ headers: value }, 'headers')).toThrow(BadEventError);
  });

  it('read a present map as it is', () => {
    const headers = { accept: '*/*' };
    expect(readOptionalMap({ headers }, 'headers')).toBe(headers);
  });
});

describe('BadEventError', () => {
  it('is an Error named BadEventError', () => {
    const error = new BadEventError('body is not valid base64');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('BadEventError');
    expect(error.message).toBe('body is not valid base64');
  });
});
