import { essenceOf, matchMediaTypes } from '../../shared/media-type';

describe('media types', () => {
  it.each([
    ['Image/PNG; charset=x', 'image/png'],
    [' application/json ', 'application/json'],
    ['', ''],
    [undefined, ''],
  ])('the essence of %j is %j', (contentType, essence) => {
    expect(essenceOf(contentType)).toBe(essence);
  });

  it.each([
    [['image/png'], 'image/png', true],
    [['image/png'], 'image/jpeg', false],
    [[' Image/* '], 'image/jpeg', true],
    [['image/*'], 'imagery/x', false],
    [['*/*'], 'anything/at-all', true],
    [[], 'image/png', false],
  ])('patterns %j match %s: %s', (patterns, mediaType, matches) => {
    expect(matchMediaTypes(patterns)(mediaType)).toBe(matches);
  });
});
