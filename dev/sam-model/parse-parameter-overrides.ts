/**
 * Reads `--parameter-overrides` as the SAM CLI takes it: space-separated pairs, each either
 * `ParameterKey=Name,ParameterValue=value` or the shorter `Name=value`. A value keeps its spaces
 * inside single or double quotes or after a backslash, so `Name="a b"` and `Name=a\ b` both give `a b`.
 */
export function parseParameterOverrides(texts: readonly string[]): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const pair of texts.flatMap(splitUnquoted)) {
    const [name, value] = readPair(pair);
    overrides[name] = value;
  }
  return overrides;
}

const LONG_FORM = /^ParameterKey=([A-Za-z0-9]+),ParameterValue=(.*)$/s;
const SHORT_FORM = /^([A-Za-z0-9]+)=(.*)$/s;

function readPair(pair: string): [string, string] {
  const match = LONG_FORM.exec(pair) ?? (pair.startsWith('ParameterKey=') ? null : SHORT_FORM.exec(pair));
  if (!match?.[1] || match[2] === undefined)
    throw new Error(
      `--parameter-overrides: "${pair}" is neither Name=value nor ParameterKey=Name,ParameterValue=value ` +
        '(quote values that hold spaces: Name="a b")',
    );
  return [match[1], match[2]];
}

// Shell-like: whitespace separates pairs unless quoted or escaped; the quotes and backslashes go.
function splitUnquoted(text: string): string[] {
  const pairs: string[] = [];
  let current = '';
  let started = false;
  let quote: string | undefined;
  for (let at = 0; at < text.length; at += 1) {
    const char = text.charAt(at);
    if (char === '\\' && at + 1 < text.length) {
      at += 1;
      current += text.charAt(at);
      started = true;
    } else if (quote) {
      if (char === quote) quote = undefined;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      started = true;
    } else if (/\s/.test(char)) {
      if (started) pairs.push(current);
      current = '';
      started = false;
    } else {
      current += char;
      started = true;
    }
  }
  if (quote) throw new Error(`--parameter-overrides: a ${quote} quote in "${text}" is never closed`);
  if (started) pairs.push(current);
  return pairs;
}
