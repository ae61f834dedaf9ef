import { BadEventError } from '../../shared/event-fields';
import { joinQueryMap, keepEncoded } from '../../shared/query-string';

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

  it('passes ALB keys and values through as the client sent them with keepEncoded', () => {
    expect(joinQueryMap({ 'a%20b': ['x+y', '%2C'], c: 'd' }, keepEncoded)).toBe('a%20b=x+y&a%20b=%2C&c=d');
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

describe('keepEncoded', () => {
  it('returns its input unchanged', () => {
    expect(keepEncoded('a%20b+c')).toBe('a%20b+c');
  });
});
