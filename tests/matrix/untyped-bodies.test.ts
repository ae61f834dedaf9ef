import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHandler } from '../../shared';
import { FORMATS } from '../support/formats';
import { lambdaContext } from '../support/lambda-context';
import { request } from '../../dev/sample-events/sample-request';

// A plain listener that sends no Content-Type: the helper cannot know its bytes are text.
describe.each(FORMATS.map((format) => [format.name, format] as const))('%s, a body without a Content-Type', (_name, format) => {
  const handler = createHandler((_req, res) => void res.end('plain words'));

  it('travels base64 even when it is valid UTF-8, and arrives as the same bytes', async () => {
    const result = (await handler(format.buildEvent(request({ path: '/' })), lambdaContext())) as Record<string, unknown>;
    expect(format.shapeProblems(result)).toEqual([]);
    expect(result['isBase64Encoded']).toBe(true);
    expect(result['body']).toBe(Buffer.from('plain words').toString('base64'));
    expect(format.readResult(result).body.toString('utf8')).toBe('plain words');
  });
});

describe("README's Put your own app behind the helper", () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Put your own app behind the helper'), readme.indexOf('## Add a function'));

  it('says that a response with no Content-Type goes out base64, and what a REST API without BinaryMediaTypes then shows', () => {
    const line = section.split(/\n\n|\n- /).find((item) => item.includes('no `Content-Type`')) ?? '';
    expect(line).toContain('base64');
    expect(line).toContain('BinaryMediaTypes');
  });
});
