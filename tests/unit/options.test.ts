import { resolveSettings } from '../../shared/options';

describe('resolveSettings', () => {
  it('defaults to no base path, stripping named stages, and no forced media types', () => {
    const settings = resolveSettings();
    expect(settings.basePath).toBe('');
    expect(settings.keepStage).toBe(false);
    expect(settings.isForcedBinary('image/png')).toBe(false);
    expect(settings.isForcedText('application/octet-stream')).toBe(false);
  });

  it.each([
    ['/express', '/express'],
    ['express', '/express'],
    ['/express/', '/express'],
    ['/', ''],
    ['', ''],
  ])('normalizes basePath %j to %j', (basePath, expected) => {
    expect(resolveSettings({ basePath }).basePath).toBe(expected);
  });

  it('keeps the stage only when keepStage is true', () => {
    expect(resolveSettings({ keepStage: true }).keepStage).toBe(true);
    expect(resolveSettings({ keepStage: false }).keepStage).toBe(false);
  });

  describe('media type matchers', () => {
    it.each([
      ['an exact type matches itself only', ['image/png'], 'image/png', true],
      ['an exact type does not match a sibling', ['image/png'], 'image/jpeg', false],
      ['an exact type does not match a longer type', ['image/png'], 'image/pngx', false],
      ['a pattern in capitals matches the lower-case type', ['IMAGE/PNG'], 'image/png', true],
      ['a pattern with spaces around it matches', ['  image/png '], 'image/png', true],
      ['type/* matches every subtype', ['image/*'], 'image/webp', true],
      ['type/* matches a +xml subtype', ['image/*'], 'image/svg+xml', true],
      ['type/* does not match another type', ['image/*'], 'video/mp4', false],
      ['type/* does not match a type that only starts the same', ['image/*'], 'images/png', false],
      ['*/* matches anything', ['*/*'], 'application/x-anything', true],
      ['one of several patterns matches', ['text/csv', 'font/*'], 'font/woff2', true],
      ['no pattern matches', ['text/csv', 'font/*'], 'text/plain', false],
      ['an empty list matches nothing', [], 'text/plain', false],
    ])('%s', (_behaviour, patterns, mediaType, expected) => {
      expect(resolveSettings({ binaryMediaTypes: patterns }).isForcedBinary(mediaType)).toBe(expected);
      expect(resolveSettings({ textMediaTypes: patterns }).isForcedText(mediaType)).toBe(expected);
    });

    it('keeps binary and text patterns apart', () => {
      const settings = resolveSettings({ binaryMediaTypes: ['image/*'], textMediaTypes: ['application/x-ndjson'] });
      expect(settings.isForcedBinary('image/png')).toBe(true);
      expect(settings.isForcedText('image/png')).toBe(false);
      expect(settings.isForcedText('application/x-ndjson')).toBe(true);
      expect(settings.isForcedBinary('application/x-ndjson')).toBe(false);
    });
  });

  it('does not change the options it reads', () => {
    const options = { basePath: '/express/', binaryMediaTypes: ['IMAGE/*'] };
    resolveSettings(options);
    expect(options).toEqual({ basePath: '/express/', binaryMediaTypes: ['IMAGE/*'] });
  });
});
