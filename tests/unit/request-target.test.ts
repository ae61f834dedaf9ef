import { BadEventError } from '../../shared/event-fields';
import type { QuerySource } from '../../shared/formats/event-format';
import { joinQueryMap, normalizePathPrefix, requestTarget, stripPathPrefix } from '../../shared/request-target';

describe('stripPathPrefix', () => {
  it.each([
    ['removes the base path before a segment', '/express/ping', '/express', '/ping'],
    ['turns the bare base path into /', '/express', '/express', '/'],
    ['turns the base path with a trailing slash into /', '/express/', '/express', '/'],
    ['keeps deeper paths whole', '/express/users/1/photos', '/express', '/users/1/photos'],
    ['never strips in the middle of a word', '/expressions/1', '/express', '/expressions/1'],
    ['never strips a prefix of a segment that continues with an escape', '/express%2Fping', '/express', '/express%2Fping'],
    ['leaves a path under another prefix alone', '/koa/ping', '/express', '/koa/ping'],
    ['only strips at the front', '/api/express/ping', '/express', '/api/express/ping'],
    ['is case-sensitive, as paths are', '/Express/ping', '/express', '/Express/ping'],
    ['strips a multi-segment base path', '/v1/api/ping', '/v1/api', '/ping'],
    ['leaves everything alone without a base path', '/express/ping', '', '/express/ping'],
    ['strips only once', '/express/express/ping', '/express', '/express/ping'],
    ['strips a non-ASCII prefix spelled with lower-case escapes', '/caf%c3%a9/admin', '/caf%C3%A9', '/admin'],
    ['strips a prefix whose unreserved characters the path escapes', '/%63af%C3%A9/admin', '/caf%C3%A9', '/admin'],
    ['strips an escaped prefix that ends the path', '/caf%C3%A9', '/caf%C3%A9', '/'],
    ['never strips across an escaped slash', '/caf%C3%A9%2Fadmin', '/caf%C3%A9', '/caf%C3%A9%2Fadmin'],
    ['never strips a segment that only starts like the prefix once decoded', '/caf%C3%A9s/admin', '/caf%C3%A9', '/caf%C3%A9s/admin'],
    ['compares every segment of a multi-segment prefix', '/v1/%61pi/ping', '/v1/api', '/ping'],
    ['leaves a path that differs in a later segment alone', '/v1/%61px/ping', '/v1/api', '/v1/%61px/ping'],
  ])('%s', (_behaviour, path, basePath, expected) => {
    expect(stripPathPrefix(path, basePath)).toBe(expected);
  });
});

describe('normalizePathPrefix', () => {
  it.each([
    ['treats undefined as no base path', undefined, ''],
    ['treats the empty string as no base path', '', ''],
    ['treats / as no base path', '/', ''],
    ['treats several slashes as no base path', '///', ''],
    ['keeps a canonical base path', '/express', '/express'],
    ['adds the leading slash', 'express', '/express'],
    ['drops a trailing slash', '/express/', '/express'],
    ['drops several trailing slashes', 'express//', '/express'],
    ['keeps inner segments', '/v1/api/', '/v1/api'],
    ['encodes non-ASCII, escapes in upper case', '/café', '/caf%C3%A9'],
    ['upper-cases escapes given in lower case', '/caf%c3%a9/', '/caf%C3%A9'],
    ['decodes escaped unreserved characters', '/%65xpress', '/express'],
  ])('%s', (_behaviour, basePath, expected) => {
    expect(normalizePathPrefix(basePath)).toBe(expected);
  });

  it('gives stripPathPrefix a form that strips at the boundary whatever the spelling', () => {
    for (const spelling of ['express', '/express', '/express/', 'express/']) {
      expect(stripPathPrefix('/express/ping', normalizePathPrefix(spelling))).toBe('/ping');
      expect(stripPathPrefix('/expressions', normalizePathPrefix(spelling))).toBe('/expressions');
    }
  });
});

describe('joinQueryMap', () => {
  it.each([
    ['gives an empty query for no map', undefined, ''],
    ['gives an empty query for an empty map', {}, ''],
    ['joins single values', { a: '1', b: '2' }, 'a=1&b=2'],
    ['keeps every value of a multi-value key, in order', { id: ['3', '1', '2'] }, 'id=3&id=1&id=2'],
    ['keeps key order across keys', { z: ['1'], a: ['2', '3'], m: '4' }, 'z=1&a=2&a=3&m=4'],
    ['never splits a value on commas', { tags: 'a,b,c' }, 'tags=a%2Cb%2Cc'],
    ['keeps an empty value', { flag: '' }, 'flag='],
    ['skips null and undefined values', { a: null, b: [null, '1', undefined], c: undefined }, 'b=1'],
    ['skips a key with an empty list', { a: [], b: '1' }, 'b=1'],
    ['encodes & = + space and non-ASCII in values', { q: 'a&b=c+d e/é' }, 'q=a%26b%3Dc%2Bd%20e%2F%C3%A9'],
    ['encodes keys too', { 'a b&c': '1' }, 'a%20b%26c=1'],
  ])('with encodeURIComponent (REST v1) %s', (_behaviour, map, expected) => {
    expect(joinQueryMap(map as Record<string, unknown> | undefined, encodeURIComponent)).toBe(expected);
  });

  it.each([
    ['a number', { a: 1 }],
    ['an object', { a: { b: 'c' } }],
    ['a number inside a list', { a: ['1', 2] }],
  ])('calls a query value that is %s a bad event', (_kind, map) => {
    expect(() => joinQueryMap(map, encodeURIComponent)).toThrow(BadEventError);
  });

  it('round-trips through URLSearchParams value for value', () => {
    const map = { q: ['a b', 'c,d', 'é&='], empty: [''] };
    const params = new URLSearchParams(joinQueryMap(map, encodeURIComponent));
    expect(params.getAll('q')).toEqual(['a b', 'c,d', 'é&=']);
    expect(params.getAll('empty')).toEqual(['']);
  });
});

describe('requestTarget', () => {
  const noQuery: QuerySource = { kind: 'string', text: '' };
  const settings = { basePath: '', keepStage: false };

  it.each([
    ['joins path and query with ?', '/users/1', { kind: 'string', text: 'a=1&a=2' }, '/users/1?a=1&a=2'],
    ['leaves out ? when there is no query', '/users/1', noQuery, '/users/1'],
    ['encodes what cannot stand in the path', '/a b', noQuery, '/a%20b'],
    ['encodes what cannot stand in an HTTP API query string', '/', { kind: 'string', text: 'q=a b#c' }, '/?q=a%20b%23c'],
    ['encodes REST decoded keys and values', '/', { kind: 'map', map: { 'a b': ['x&y'] }, encoded: false }, '/?a%20b=x%26y'],
    [
      'passes ALB encoded keys and values through as the client sent them',
      '/',
      { kind: 'map', map: { 'a%20b': ['x+y', '%2C'], c: 'd' }, encoded: true },
      '/?a%20b=x+y&a%20b=%2C&c=d',
    ],
    ['escapes what an ALB client left unencoded', '/', { kind: 'map', map: { city: 'Zürich' }, encoded: true }, '/?city=Z%C3%BCrich'],
  ] as const)('%s', (_behaviour, path, query, expected) => {
    expect(requestTarget({ path, stage: undefined, query }, settings)).toBe(expected);
  });

  it('removes the stage, then the base path', () => {
    const where = { path: '/dev/express/ping', stage: 'dev', query: noQuery };
    expect(requestTarget(where, { basePath: '/express', keepStage: false })).toBe('/ping');
  });

  it('keeps the stage with keepStage, and then finds no base path in front', () => {
    const where = { path: '/dev/express/ping', stage: 'dev', query: noQuery };
    expect(requestTarget(where, { basePath: '/express', keepStage: true })).toBe('/dev/express/ping');
  });

  it('strips the same base path from a decoded (REST) and an encoded (HTTP API) spelling', () => {
    const basePath = normalizePathPrefix('/café');
    for (const path of ['/café/admin', '/caf%C3%A9/admin', '/caf%c3%a9/admin']) {
      expect(requestTarget({ path, stage: undefined, query: noQuery }, { basePath, keepStage: false })).toBe('/admin');
    }
  });

  it('calls a query value that is not a string a bad event', () => {
    expect(() => requestTarget({ path: '/', stage: undefined, query: { kind: 'map', map: { a: 1 }, encoded: false } }, settings)).toThrow(
      BadEventError,
    );
  });
});
