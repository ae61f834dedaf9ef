import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isRecord } from '../sam-model/is-record';

/** `sam local --env-vars` values: `Parameters` for every function, and a section per function. */
export interface EnvVarsFile {
  /** The file's name, for messages. */
  name: string;
  /** Variables for every function (the file's `Parameters` object). */
  everyFunction: Record<string, string>;
  /** Sections by function logical id or FunctionName, each with its variables. */
  byFunction: Record<string, Record<string, string>>;
}

const EVERY_FUNCTION_KEY = 'Parameters';

// The values Lambda can hold are strings; SAM writes JSON scalars as text (true as "true", null as "").
function textOf(value: unknown): string | undefined {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function readSection(section: unknown, where: string): Record<string, string> {
  if (!isRecord(section)) throw new Error(`${where} must be an object of variable names to values`);
  // fromEntries, not assignment: a key such as `__proto__` stays a plain key.
  return Object.fromEntries(
    Object.entries(section).map(([name, value]) => {
      const text = textOf(value);
      if (text === undefined) throw new Error(`${where}.${name} must be a string, a number or a boolean`);
      return [name, text];
    }),
  );
}

/** Reads and checks an env vars file; a file that cannot be used throws an error saying where and why. */
export function readEnvVarsFile(path: string): EnvVarsFile {
  const name = basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new Error(`--env-vars ${path}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${message})`}`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`--env-vars ${path}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  if (!isRecord(parsed))
    throw new Error(`--env-vars ${path}: must be a JSON object like {"Parameters": {"NAME": "value"}, "MyFunction": {"NAME": "value"}}`);
  const byFunction = Object.fromEntries(
    Object.entries(parsed)
      .filter(([key]) => key !== EVERY_FUNCTION_KEY)
      .map(([key, section]) => [key, readSection(section, `--env-vars ${name}: ${key}`)]),
  );
  const shared = parsed[EVERY_FUNCTION_KEY];
  const everyFunction = shared === undefined ? {} : readSection(shared, `--env-vars ${name}: ${EVERY_FUNCTION_KEY}`);
  return { name, everyFunction, byFunction };
}
