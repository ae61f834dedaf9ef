import { encodePath, encodeQuery, normalizeBasePath, stripBasePath } from '../../shared/request-target';

describe('encodePath', () => {
  it.each([
    ['keeps a clean path as it is', '/users/42/photos', '/users/42/photos'],
    ['keeps every sub-delimiter and : @ that a path may hold', "/a-b._~!$&'()*+,;=:@/c", "/a-b._~!$&'()*+,;=:@/c"],
    ['keeps a valid escape, %2F included (REST keeps it)', '/files/a%2Fb%20c', '/files/a%2Fb%20c'],
    ['keeps lower-case escapes as sent', '/a%2fb', '/a%2fb'],
    ['escapes a space', '/a b', '/a%20b'],
    ['escapes ? so it does not start a query', '/what?', '/what%3F'],
    ['escapes # so it does not start a fragment', '/a#b', '/a%23b'],
    ['escapes a % not followed by two hex digits', '/100%', '/100%25'],
    ['escapes a % followed by non-hex', '/a%zzb', '/a%25zzb'],
    ['escapes a % followed by one hex digit only', '/a%2', '/a%252'],
    ['escapes non-ASCII as UTF-8', '/café', '/caf%C3%A9'],
    ['escapes an astral character as one UTF-8 sequence', '/😀', '/%F0%9F%98%80'],
    ['escapes control characters', '/a\u0001b\u007f', '/a%01b%7F'],
    ['escapes quotes, angle brackets and backslash', '/"<>\\', '/%22%3C%3E%5C'],
    ['turns a lone surrogate into U+FFFD instead of throwing', '/a\ud800b', '/a%EF%BF%BDb'],
    ['roots a path without a leading slash', 'ping', '/ping'],
    ['roots the empty path', '', '/'],
  ])('%s', (_behaviour, path, expected) => {
    expect(encodePath(path)).toBe(expected);
  });
});

describe('encodeQuery', () => {
  it.each([
    ['keeps an already encoded query as it is', 'a=1&b=x%20y&c=%2B', 'a=1&b=x%20y&c=%2B'],
    ['keeps + (a space in form encoding) untouched', 'q=a+b', 'q=a+b'],
    ['keeps ? and / inside the query', 'next=/a?b', 'next=/a?b'],
    ['escapes a raw space', 'q=a b', 'q=a%20b'],
    ['escapes # so the query does not end early', 'q=a#b', 'q=a%23b'],
    ['escapes a stray %', 'q=100%', 'q=100%25'],
    ['escapes non-ASCII as UTF-8', 'city=Zürich', 'city=Z%C3%BCrich'],
    ['keeps the empty query empty', '', ''],
  ])('%s', (_behaviour, query, expected) => {
    expect(encodeQuery(query)).toBe(expected);
  });
});

describe('stripBasePath', () => {
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
  ])('%s', (_behaviour, path, basePath, expected) => {
    expect(stripBasePath(path, basePath)).toBe(expected);
  });
});

describe('normalizeBasePath', () => {
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
  ])('%s', (_behaviour, basePath, expected) => {
    expect(normalizeBasePath(basePath)).toBe(expected);
  });

  it('gives stripBasePath a form that strips at the boundary whatever the spelling', () => {
    for (const spelling of ['express', '/express', '/express/', 'express/']) {
      expect(stripBasePath('/express/ping', normalizeBasePath(spelling))).toBe('/ping');
      expect(stripBasePath('/expressions', normalizeBasePath(spelling))).toBe('/expressions');
    }
  });
});
