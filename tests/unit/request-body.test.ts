import { BadEventError } from '../../shared/event-fields';
import { decodeBody } from '../../shared/request-body';

describe('decodeBody', () => {
  it.each([
    ['absent', undefined, false],
    ['empty text', '', false],
    ['empty base64', '', true],
    ['absent base64', undefined, true],
  ])('treats an %s body as no bytes', (_kind, body, isBase64Encoded) => {
    expect(decodeBody(body, isBase64Encoded)).toEqual(Buffer.alloc(0));
  });

  it('encodes a text body as UTF-8', () => {
    expect(decodeBody('{"city":"Zürich"}', false)).toEqual(Buffer.from('{"city":"Zürich"}', 'utf8'));
  });

  it('keeps a text body that merely looks like base64 as text', () => {
    expect(decodeBody('QUJD', false).toString('utf8')).toBe('QUJD');
  });

  it.each([
    ['no padding', 'QUJD', Buffer.from('ABC')],
    ['one = of padding', 'QUI=', Buffer.from('AB')],
    ['two = of padding', 'QQ==', Buffer.from('A')],
    ['+ and /', '+/+/', Buffer.from([0xfb, 0xff, 0xbf])],
    [
      'every byte value',
      Buffer.from(Array.from({ length: 256 }, (_, i) => i)).toString('base64'),
      Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
    ],
  ])('decodes valid base64 with %s', (_kind, body, expected) => {
    expect(decodeBody(body, true)).toEqual(expected);
  });

  it.each([
    ['garbage characters', '!!!!'],
    ['a character outside the alphabet among valid ones', 'QU*D'],
    ['base64url characters', 'QU-_'],
    ['whitespace', 'QUJD REVG'],
    ['a newline', 'QUJD\nREVG'],
    ['missing padding', 'QQ'],
    ['too little padding', 'QQ='],
    ['too much padding', 'Q==='],
    ['only padding', '===='],
    ['padding in the middle', 'QQ==QQ=='],
    ['a character after the padding', 'QQ=A'],
    ['a length of 5', 'QUJDR'],
    ['a length of 1', 'Q'],
    ['plain text', 'hello world'],
  ])('rejects base64 with %s as a bad event', (_kind, body) => {
    expect(() => decodeBody(body, true)).toThrow(BadEventError);
  });
});
