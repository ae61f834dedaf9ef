import { encodePath, encodeQuery, encodeQueryComponent, normalizeEscapes } from '../../shared/percent-encoding';

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

describe('encodeQueryComponent', () => {
  it.each([
    ['escapes & = + space / and non-ASCII', 'a&b=c+d e/é', 'a%26b%3Dc%2Bd%20e%2F%C3%A9'],
    ['turns a lone surrogate into U+FFFD instead of throwing a URIError', 'a\udc00b', 'a%EF%BF%BDb'],
  ])('%s', (_behaviour, text, expected) => {
    expect(encodeQueryComponent(text)).toBe(expected);
  });
});

describe('normalizeEscapes', () => {
  it.each([
    ['upper-cases the hex digits of an escape', '/caf%c3%a9', '/caf%C3%A9'],
    ['decodes escapes of unreserved characters', '/%63af%7E%2d%5F', '/caf~-_'],
    ['keeps an escaped slash an escape, so it never becomes a segment boundary', '/a%2fb', '/a%2Fb'],
    ['keeps reserved and non-ASCII escapes escaped', '/%3F%23%25%C3%A9', '/%3F%23%25%C3%A9'],
    ['leaves a path without escapes as it is', '/Express/ping', '/Express/ping'],
  ])('%s', (_behaviour, path, expected) => {
    expect(normalizeEscapes(path)).toBe(expected);
  });
});
