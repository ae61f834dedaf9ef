import { BadEventError, isRecord, readFlag, readMethod, readOptionalMap, readOptionalString, readString } from '../../shared/event-fields';

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

describe('readMethod', () => {
  it.each(['GET', 'POST', 'DELETE', 'OPTIONS', 'PROPFIND', 'M-SEARCH', 'X_CUSTOM.1'])(
    'reads the upper-case token %s as it is',
    (method) => {
      expect(readMethod({ httpMethod: method }, 'httpMethod')).toBe(method);
    },
  );

  it.each([
    ['lower case, which frameworks route differently and Node refuses', 'get'],
    ['mixed case', 'Get'],
    ['empty', ''],
    ['CR LF and a header', 'GET\r\nX-Injected: 1'],
    ['a whole request line', 'GET /admin HTTP/1.1'],
    ['a separator', 'GE(T'],
    ['non-ASCII', 'GÉT'],
    ['NUL', 'GET\u0000'],
  ])('calls a method with %s a bad event', (_kind, method) => {
    expect(() => readMethod({ httpMethod: method }, 'httpMethod')).toThrow(BadEventError);
  });

  it('never echoes the method it refuses', () => {
    expect(() => readMethod({ method: 'GET /SECRET' }, 'method')).toThrow(
      new BadEventError('method is not an upper-case HTTP method token'),
    );
  });
});

describe('readFlag', () => {
  it.each([
    [true, true],
    [false, false],
    [undefined, false],
    [null, false],
  ])('reads %j as %s', (value, expected) => {
    expect(readFlag({ isBase64Encoded: value }, 'isBase64Encoded')).toBe(expected);
  });

  it.each([['true'], ['false'], [1], [0], [{}], [[true]]])('calls %j a bad event, not false', (value) => {
    expect(() => readFlag({ isBase64Encoded: value }, 'isBase64Encoded')).toThrow(new BadEventError('isBase64Encoded is not a boolean'));
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
