import { joinHeaderValues } from '../../../shared/formats/event-format';
import { listHeaderValues } from '../../../shared/formats/v1-shape';

describe('joinHeaderValues', () => {
  it('keeps a single value as it is and joins repeated values with ", "', () => {
    const headers = new Map([
      ['content-type', ['text/plain']],
      ['vary', ['Origin', 'Accept-Encoding']],
    ]);
    expect(joinHeaderValues(headers)).toEqual({ 'content-type': 'text/plain', vary: 'Origin, Accept-Encoding' });
  });

  it('gives an empty map for no headers', () => {
    expect(joinHeaderValues(new Map())).toEqual({});
  });
});

describe('listHeaderValues', () => {
  it('lists every value of every header, in order, cookies as set-cookie', () => {
    const headers = new Map([
      ['content-type', ['text/plain']],
      ['vary', ['Origin', 'Accept-Encoding']],
    ]);
    const parts = { statusCode: 200, headers, cookies: ['a=1', 'b=2'], body: '', isBase64Encoded: false };
    expect(listHeaderValues(parts)).toEqual({
      'content-type': ['text/plain'],
      vary: ['Origin', 'Accept-Encoding'],
      'set-cookie': ['a=1', 'b=2'],
    });
  });

  it('has no set-cookie entry without cookies', () => {
    const parts = { statusCode: 200, headers: new Map([['etag', ['"1"']]]), cookies: [], body: '', isBase64Encoded: false };
    expect(listHeaderValues(parts)).toEqual({ etag: ['"1"'] });
  });
});
