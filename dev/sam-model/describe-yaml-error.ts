import { basename } from 'node:path';
import type { YAMLParseError } from 'yaml';

const indentOf = (line: string): number => line.length - line.trimStart().length;
const isContent = (line: string | undefined): line is string => line !== undefined && line.trim() !== '' && !line.trim().startsWith('#');
// `Key: value` with the value on the same line: nothing more indented may follow it.
const hasInlineValue = (line: string): boolean =>
  /^\s*(- )?[^\s#][^:]*:\s+[^\s#|>&*!-]/.test(line) || /^\s*(- )?[^\s#][^:]*:\s+!\S+\s+\S/.test(line);

const count = (line: string, char: string): number => line.split(char).length - 1;

/**
 * The line of a YAML mistake as a person would point at it, from where the parser reports it:
 * the start of the node it could not read. For three common slips that is another line:
 * - a line indented deeper than a `Key: value` before it is reported at that value, a line early;
 * - an unclosed `[` or `{` is reported at the line after it;
 * - an unclosed quote is reported at the end of the file.
 */
function lineOfMistake(lines: readonly string[], error: YAMLParseError): { line: number; hint: string } {
  const [start] = error.linePos ?? [{ line: 1, col: 1 }];
  const at = lines[start.line - 1];
  const after = lines[start.line];
  const before = lines[start.line - 2];
  const colon = at?.indexOf(': ') ?? -1;
  if (isContent(at) && isContent(after) && colon >= 0 && start.col > colon + 1 && hasInlineValue(at) && indentOf(after) > indentOf(at)) {
    return { line: start.line + 1, hint: ` (indented deeper than line ${start.line}, whose key already has a value)` };
  }
  if (isContent(before) && (count(before, '[') > count(before, ']') || count(before, '{') > count(before, '}'))) {
    return { line: start.line - 1, hint: ' (a [ or { left open on this line)' };
  }
  if (error.code === 'MISSING_CHAR' && /quote/.test(error.message)) {
    const quote = /"quote/.test(error.message) ? '"' : "'";
    // A value that starts with the quote and holds an odd number of them (an apostrophe inside a plain value is no opening).
    const opens = new RegExp(`(^|:|-)\\s*${quote}`);
    const open = lines.findIndex((line) => opens.test(line) && count(line, quote) % 2 === 1);
    if (open >= 0) return { line: open + 1, hint: ` (the ${quote} opened on this line is never closed)` };
  }
  return { line: start.line, hint: '' };
}

/** `template.yaml line 22: <what is wrong>`, with that line, for a template the YAML parser refuses. */
export function describeYamlError(file: string, text: string, error: YAMLParseError): string {
  const fileName = basename(file);
  const lines = text.split(/\r?\n/);
  const reason = error.message.split(/ at line \d+, column \d+/)[0] ?? error.message;
  if (error.linePos === undefined) return `${fileName}: ${reason}`;
  const { line, hint } = lineOfMistake(lines, error);
  return `${fileName} line ${line}: ${reason}${hint}\n${String(line).padStart(5)} | ${lines[line - 1] ?? ''}`;
}
