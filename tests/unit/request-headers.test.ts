import { BadEventError } from '../../shared/event-fields';
import { collectHeaders } from '../../shared/request-headers';

describe('collectHeaders', () => {
  it('gives no headers for an absent map', () => {
    expect(collectHeaders(undefined)).toEqual([]);
  });

  it.each([
    ['flattens single values into rawHeaders pairs', { Accept: 'text/html', 'X-Id': '1' }, ['Accept', 'text/html', 'X-Id', '1']],
    [
      'keeps every value of a multi-value header, in order',
      { 'X-Forwarded-For': ['1.1.1.1', '2.2.2.2'] },
      ['X-Forwarded-For', '1.1.1.1', 'X-Forwarded-For', '2.2.2.2'],
    ],
    ['keeps the names as sent (Node lower-cases them itself)', { 'x-MiXeD': 'v' }, ['x-MiXeD', 'v']],
    ['keeps an empty value', { 'X-Empty': '' }, ['X-Empty', '']],
    ['keeps a tab and commas inside a value', { 'X-List': 'a,\tb, c' }, ['X-List', 'a,\tb, c']],
    ['coerces a number to the string a socket would give', { 'X-Count': 42 }, ['X-Count', '42']],
    ['coerces numbers inside a list', { 'X-Count': [1, '2', 3.5] }, ['X-Count', '1', 'X-Count', '2', 'X-Count', '3.5']],
    ['coerces a boolean to a string', { 'X-Flag': true }, ['X-Flag', 'true']],
    ['skips null and undefined values', { 'X-A': null, 'X-B': [null, 'b'], 'X-C': undefined }, ['X-B', 'b']],
    ['accepts every token character in a name', { "!#$%&'*+-.^_`|~09azAZ": 'v' }, ["!#$%&'*+-.^_`|~09azAZ", 'v']],
  ])('%s', (_behaviour, map, expected) => {
    expect(collectHeaders(map)).toEqual(expected);
  });

  it.each([['content-length'], ['Content-Length'], ['CONTENT-LENGTH'], ['transfer-encoding'], ['Transfer-Encoding']])(
    'drops %s: the request gets its own framing from the decoded body',
    (name) => {
      expect(collectHeaders({ [name]: '999', Host: 'example.com' })).toEqual(['Host', 'example.com']);
      expect(collectHeaders({ [name]: ['1', '2'] })).toEqual([]);
    },
  );

  it('keeps headers whose names only start like framing headers', () => {
    expect(collectHeaders({ 'content-length-x': '1', 'transfer-encodings': '2' })).toEqual([
      'content-length-x',
      '1',
      'transfer-encodings',
      '2',
    ]);
  });

  it.each([
    ['a space', 'X Bad'],
    ['a colon', 'X-Bad:'],
    ['a slash', 'X/Bad'],
    ['parentheses', 'X(Bad)'],
    ['a quote', 'X"Bad'],
    ['non-ASCII', 'X-Ünï'],
    ['CR LF (header injection)', 'X-Bad\r\nInjected'],
    ['nothing at all', ''],
  ])('calls a header name with %s a bad event', (_kind, name) => {
    expect(() => collectHeaders({ [name]: 'v' })).toThrow(BadEventError);
  });

  it.each([
    ['CR', 'a\rb'],
    ['LF', 'a\nb'],
    ['CRLF (header injection)', 'a\r\nSet-Cookie: x=1'],
    ['NUL', 'a\0b'],
  ])('calls a header value with %s a bad event', (_kind, value) => {
    expect(() => collectHeaders({ 'X-Value': value })).toThrow(BadEventError);
    expect(() => collectHeaders({ 'X-Value': ['ok', value] })).toThrow(BadEventError);
  });

  it.each([
    ['an object', { nested: 'x' }],
    ['a list inside a list', [['x']]],
  ])('calls a header value that is %s a bad event', (_kind, value) => {
    expect(() => collectHeaders({ 'X-Value': value })).toThrow(BadEventError);
  });

  it('does not change the map it reads', () => {
    const map = { 'X-A': ['1', '2'], 'Content-Length': '3' };
    const copy = structuredClone(map);
    collectHeaders(map);
    expect(map).toEqual(copy);
  });

  it('gives Node header lines it accepts as a real socket would', () => {
    const rawHeaders = collectHeaders({ 'X-Count': [1, 2], Cookie: 'a=1' });
    expect(rawHeaders.every((item) => typeof item === 'string')).toBe(true);
    expect(rawHeaders).toHaveLength(6);
  });
});
