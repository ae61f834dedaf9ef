import { resolveSettings, type ProxyOptions } from '../../shared/options';
import { encodeBody } from '../../shared/response-body';

function headers(entries: Record<string, string>): Map<string, string[]> {
  return new Map(Object.entries(entries).map(([name, value]) => [name, [value]]));
}

function encode(body: Buffer, headerEntries: Record<string, string>, options?: ProxyOptions) {
  return encodeBody(body, headers(headerEntries), resolveSettings(options));
}

const TEXT = Buffer.from('{"message":"héllo ✓"}', 'utf8');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('encodeBody', () => {
  it('sends an empty body as empty text', () => {
    expect(encode(Buffer.alloc(0), { 'content-type': 'image/png' })).toEqual({ body: '', isBase64Encoded: false });
  });

  it.each([
    'text/plain',
    'text/html',
    'text/csv',
    'text/event-stream',
    'application/json',
    'application/xml',
    'text/xml',
    'application/javascript',
    'text/javascript',
    'application/ecmascript',
    'application/x-javascript',
    'application/problem+json',
    'application/vnd.api+json',
    'application/ld+json',
    'application/atom+xml',
    'image/svg+xml',
    'application/json; charset=utf-8',
    'text/html;charset=UTF-8',
    'application/problem+json; charset=utf-8',
    'APPLICATION/JSON',
    'Text/Plain; Charset=utf-8',
    '  application/json  ',
  ])('sends valid UTF-8 of type %j as text', (contentType) => {
    expect(encode(TEXT, { 'content-type': contentType })).toEqual({ body: TEXT.toString('utf8'), isBase64Encoded: false });
  });

  it.each([
    'image/png',
    'application/octet-stream',
    'application/pdf',
    'application/zip',
    'font/woff2',
    'multipart/form-data; boundary=x',
    'application/jsonp',
    'application/json-seq',
    'application/x-json-stream+zip',
    'text',
    'json',
  ])('sends a body of type %j as base64, even when its bytes are valid UTF-8', (contentType) => {
    expect(encode(TEXT, { 'content-type': contentType })).toEqual({ body: TEXT.toString('base64'), isBase64Encoded: true });
  });

  it('sends a body without a content type as base64', () => {
    expect(encode(TEXT, {})).toEqual({ body: TEXT.toString('base64'), isBase64Encoded: true });
  });

  it('sends PNG bytes as base64 that decodes to the same bytes', () => {
    const result = encode(PNG, { 'content-type': 'image/png' });
    expect(result.isBase64Encoded).toBe(true);
    expect(Buffer.from(result.body, 'base64')).toEqual(PNG);
  });

  it.each(['gzip', 'br', 'deflate', 'GZIP', ' gzip '])('sends a text type with content-encoding %j as base64', (encoding) => {
    const result = encode(TEXT, { 'content-type': 'application/json', 'content-encoding': encoding });
    expect(result).toEqual({ body: TEXT.toString('base64'), isBase64Encoded: true });
  });

  it('sends a text type with content-encoding identity as text', () => {
    expect(encode(TEXT, { 'content-type': 'text/plain', 'content-encoding': 'identity' })).toEqual({
      body: TEXT.toString('utf8'),
      isBase64Encoded: false,
    });
  });

  it.each([
    ['a stray 0xff byte', Buffer.from([0x61, 0xff, 0x62])],
    ['Latin-1 é', Buffer.from('café', 'latin1')],
    ['a truncated multi-byte sequence', Buffer.from([0x61, 0xe2, 0x82])],
    ['an overlong encoding', Buffer.from([0xc0, 0xaf])],
    ['an encoded surrogate', Buffer.from([0xed, 0xa0, 0x80])],
  ])('sends text-typed bytes with %s as base64, so they are not corrupted', (_kind, bytes) => {
    const result = encode(bytes, { 'content-type': 'text/plain; charset=iso-8859-1' });
    expect(result.isBase64Encoded).toBe(true);
    expect(Buffer.from(result.body, 'base64')).toEqual(bytes);
  });

  it('reads the media type from the first content-type value', () => {
    const result = encodeBody(TEXT, new Map([['content-type', ['application/json', 'image/png']]]), resolveSettings());
    expect(result.isBase64Encoded).toBe(false);
  });

  describe('with forced media types', () => {
    it.each([
      ['an exact type', ['application/json'], 'application/json; charset=utf-8'],
      ['an exact type spelled in capitals', ['Application/JSON'], 'application/json'],
      ['a type/* wildcard', ['text/*'], 'text/html; charset=utf-8'],
      ['a type/* wildcard over a +xml type', ['image/*'], 'image/svg+xml'],
      ['*/*', ['*/*'], 'text/plain'],
      ['one of several patterns', ['image/png', 'application/*'], 'application/problem+json'],
    ])('sends text as base64 when binaryMediaTypes has %s', (_kind, binaryMediaTypes, contentType) => {
      const result = encode(TEXT, { 'content-type': contentType }, { binaryMediaTypes });
      expect(result).toEqual({ body: TEXT.toString('base64'), isBase64Encoded: true });
    });

    it('leaves types outside binaryMediaTypes to the usual decision', () => {
      expect(encode(TEXT, { 'content-type': 'text/plain' }, { binaryMediaTypes: ['image/*', 'application/json'] }).isBase64Encoded).toBe(
        false,
      );
      expect(encode(TEXT, { 'content-type': 'texts/plain' }, { binaryMediaTypes: ['text/*'] }).isBase64Encoded).toBe(true);
    });

    it.each([
      ['an exact type', ['application/x-ndjson'], 'application/x-ndjson'],
      ['a type/* wildcard', ['application/*'], 'application/octet-stream'],
      ['*/*', ['*/*'], 'application/octet-stream'],
    ])('sends UTF-8 as text when textMediaTypes has %s', (_kind, textMediaTypes, contentType) => {
      const result = encode(TEXT, { 'content-type': contentType }, { textMediaTypes });
      expect(result).toEqual({ body: TEXT.toString('utf8'), isBase64Encoded: false });
    });

    it('forces text even with a content-encoding when the user asks for it', () => {
      const result = encode(
        TEXT,
        { 'content-type': 'application/x-ndjson', 'content-encoding': 'identity' },
        { textMediaTypes: ['application/x-ndjson'] },
      );
      expect(result.isBase64Encoded).toBe(false);
    });

    it('does not force text on a type outside textMediaTypes', () => {
      expect(encode(TEXT, { 'content-type': 'image/png' }, { textMediaTypes: ['application/*'] }).isBase64Encoded).toBe(true);
    });
  });
});
