import { parseParameterOverrides } from '../../dev/sam-model/parse-parameter-overrides';

// --parameter-overrides as the SAM CLI reads it: both pair forms, quoting, and flags given more than once.
describe('--parameter-overrides', () => {
  it.each([
    ['the long form', ['ParameterKey=Stage,ParameterValue=qa ParameterKey=Size,ParameterValue=3'], { Stage: 'qa', Size: '3' }],
    ['the short form', ['Stage=qa Size=3'], { Stage: 'qa', Size: '3' }],
    ['both forms together, over repeated flags', ['Stage=qa', 'ParameterKey=Size,ParameterValue=3'], { Stage: 'qa', Size: '3' }],
    ['a double-quoted value with spaces', ['Greeting="hello there" Stage=qa'], { Greeting: 'hello there', Stage: 'qa' }],
    ['a single-quoted value in the long form', ["ParameterKey=Greeting,ParameterValue='a b'"], { Greeting: 'a b' }],
    ['a backslash-escaped space', ['Greeting=a\\ b'], { Greeting: 'a b' }],
    ['commas and equals signs inside a value', ['List=a,b,c Pair=k=v'], { List: 'a,b,c', Pair: 'k=v' }],
    ['an empty value', ['Stage='], { Stage: '' }],
    ['the last of a name given twice', ['Stage=qa Stage=prod'], { Stage: 'prod' }],
    ['extra whitespace', ['  Stage=qa\n  Size=3  '], { Stage: 'qa', Size: '3' }],
  ])('reads %s', (_name, texts, expected) => {
    expect(parseParameterOverrides(texts)).toEqual(expected);
  });

  it.each([
    ['a word without a value', 'Stage', /"Stage" is neither Name=value nor ParameterKey=Name,ParameterValue=value/],
    ['a long form without its value', 'ParameterKey=Stage', /"ParameterKey=Stage" is neither/],
    ['a name with a dash', 'my-stage=qa', /"my-stage=qa" is neither/],
    ['an unclosed quote', 'Greeting="hello', /a " quote .* is never closed/],
  ])('refuses %s with a message saying what it expects', (_name, text, message) => {
    expect(() => parseParameterOverrides([text])).toThrow(message);
  });
});
