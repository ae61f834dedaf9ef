import { readFields, TemplateError } from '../../dev/sam-model/read-fields';

describe('reading typed template fields', () => {
  const fields = readFields(
    { Timeout: '10', MemorySize: 512, Minify: 'true', Sourcemap: false, Handler: 7, Layers: ['a', 1], Events: { Proxy: {} } },
    'ExpressFunction.Properties',
  );

  it('reads numbers and booleans CloudFormation also takes as strings', () => {
    expect(fields.optionalNumber('Timeout')).toBe(10);
    expect(fields.optionalNumber('MemorySize')).toBe(512);
    expect(fields.optionalBoolean('Minify')).toBe(true);
    expect(fields.optionalBoolean('Sourcemap')).toBe(false);
    expect(fields.optionalString('Missing')).toBeUndefined();
  });

  it.each([
    ['a string', () => fields.string('Handler'), 'ExpressFunction.Properties.Handler must be a string, not number 7'],
    ['a missing string', () => fields.string('Runtime'), 'ExpressFunction.Properties.Runtime must be a string, not missing'],
    [
      'a list of strings',
      () => fields.optionalStringList('Layers'),
      'ExpressFunction.Properties.Layers must be a list of strings, not a list',
    ],
    ['a number', () => readFields({ Timeout: 'ten' }, 'F').optionalNumber('Timeout'), 'F.Timeout must be a number, not string "ten"'],
    [
      'a boolean',
      () => readFields({ Minify: 'yes' }, 'F.BuildProperties').optionalBoolean('Minify'),
      'F.BuildProperties.Minify must be true or false',
    ],
    ['a map', () => fields.map('Environment'), 'ExpressFunction.Properties.Environment must be a map'],
  ])('names the resource and the property when %s has another type', (_wanted, read, message) => {
    expect(read).toThrow(TemplateError);
    expect(read).toThrow(message);
  });

  it('names nested maps by their path', () => {
    expect(() => fields.map('Events').map('Proxy').string('Type')).toThrow('ExpressFunction.Properties.Events.Proxy.Type must be a string');
  });
});
