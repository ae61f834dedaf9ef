import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTemplate } from '../../dev/sam-model/read-template';

// Slips a person makes in template.yaml, each reported at the line where it was made (the
// fixture's `Path: /message` is line 22), with that line shown.
const FIXTURE = join(__dirname, '..', 'local-api', 'fixtures', 'hot', 'template.yaml');
const original = readFileSync(FIXTURE, 'utf8');
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'template-mistakes-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const PATH_LINE = '            Path: /message';

function mistakeOf(edited: string): string {
  const file = join(scratch, 'template.yaml');
  writeFileSync(file, edited);
  try {
    readTemplate(file);
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

it.each([
  ['a line indented deeper than the Key: value before it', original.replace(PATH_LINE, `  ${PATH_LINE}`), 22],
  ['a line indented less than its neighbours', original.replace(PATH_LINE, PATH_LINE.slice(1)), 22],
  ['a key without its colon', original.replace(PATH_LINE, PATH_LINE.replace(':', '')), 22],
  ['a tab as indentation', original.replace(PATH_LINE, `\t${PATH_LINE.trim()}`), 22],
  ['a quote never closed', original.replace(PATH_LINE, PATH_LINE.replace('/message', "'/message")), 22],
  ['a [ never closed', original.replace(PATH_LINE, PATH_LINE.replace('/message', '[/message')), 22],
])('%s is reported at its own line, with the line shown', (_mistake, edited, line) => {
  const message = mistakeOf(edited);
  expect(message).toMatch(new RegExp(`^template\\.yaml line ${line}: `));
  expect(message.split('\n')[1]).toBe(`${String(line).padStart(5)} | ${edited.split('\n')[line - 1] ?? ''}`);
});
