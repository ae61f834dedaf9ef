import { joinHeaderValues, listHeaderValues } from '../../../shared/formats/event-format';

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
  it('lists every value of every header, in order', () => {
    const headers = new Map([
      ['content-type', ['text/plain']],
      ['vary', ['Origin', 'Accept-Encoding']],
    ]);
    expect(listHeaderValues(headers)).toEqual({ 'content-type': ['text/plain'], vary: ['Origin', 'Accept-Encoding'] });
  });
});
