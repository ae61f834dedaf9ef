import { isRecord } from '../../shared/event-fields';
import { functionUrl } from './formats/http-v2';
import { restV1 } from './formats/rest-v1';
import type { RequestSpec } from '../../dev/sample-events/sample-request';

/** The event sources that stream a function's response: REST APIs (STREAM integration) and Function URLs. */
export interface StreamFormatFixture {
  readonly name: 'rest-v1-stream' | 'function-url-stream';
  buildEvent(spec: RequestSpec): Record<string, unknown>;
  /** Where the prelude carries Set-Cookie. */
  readonly cookieField: 'multiValueHeaders' | 'cookies';
  /** What is wrong with a prelude for this source: [] when well-formed. */
  preludeProblems(prelude: unknown): string[];
}

// Hop-by-hop headers describe one connection, and the source frames the streamed body itself.
const NOT_IN_A_PRELUDE = [
  'connection',
  'keep-alive',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'proxy-connection',
  'content-length',
];

function headerProblems(headers: unknown): string[] {
  if (headers === undefined) return [];
  if (!isRecord(headers)) return ['headers is not an object'];
  const problems: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (NOT_IN_A_PRELUDE.includes(name.toLowerCase())) problems.push(`headers carries ${name}`);
    if (typeof value !== 'string') problems.push(`headers.${name} is a ${typeof value}`);
    if (name.toLowerCase() === 'set-cookie') problems.push('set-cookie in headers (several would be joined)');
  }
  return problems;
}

const isStringList = (value: unknown): boolean => Array.isArray(value) && value.every((item) => typeof item === 'string');

function commonPreludeProblems(prelude: unknown): string[] {
  if (!isRecord(prelude)) return ['the prelude is not an object'];
  const status = prelude['statusCode'];
  const problems =
    typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599 ? [] : [`statusCode ${String(status)}`];
  if ('body' in prelude || 'isBase64Encoded' in prelude) problems.push('a buffered result field in the prelude');
  return [...problems, ...headerProblems(prelude['headers'])];
}

/** A streaming source: the buffered fixture's events, and the checks of its own prelude shape. */
function streamFormat(
  name: StreamFormatFixture['name'],
  buffered: { buildEvent: StreamFormatFixture['buildEvent'] },
  cookieField: StreamFormatFixture['cookieField'],
  ownProblems: (prelude: Record<string, unknown>) => string[],
): StreamFormatFixture {
  return {
    name,
    buildEvent: buffered.buildEvent,
    cookieField,
    preludeProblems: (prelude) => [...commonPreludeProblems(prelude), ...(isRecord(prelude) ? ownProblems(prelude) : [])],
  };
}

export const restV1Stream = streamFormat('rest-v1-stream', restV1, 'multiValueHeaders', (prelude) => {
  const problems = 'cookies' in prelude ? ['a cookies key in a REST prelude'] : [];
  const multi = prelude['multiValueHeaders'];
  if (multi !== undefined && (!isRecord(multi) || !Object.values(multi).every(isStringList)))
    problems.push('multiValueHeaders is not lists of strings');
  return problems;
});

export const functionUrlStream = streamFormat('function-url-stream', functionUrl, 'cookies', (prelude) => {
  const problems = 'multiValueHeaders' in prelude ? ['multiValueHeaders in a Function URL prelude'] : [];
  if (prelude['cookies'] !== undefined && !isStringList(prelude['cookies'])) problems.push('cookies is not a list of strings');
  return problems;
});

/** The streaming rows of the matrix. */
export const STREAM_FORMATS: readonly StreamFormatFixture[] = [restV1Stream, functionUrlStream];
