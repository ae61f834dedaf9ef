import { format } from 'node:util';
import type { InvokeStore } from './create-invoke-store';

// Lambda's log levels, from most to least detailed; console.log is INFO, console.fatal is added.
const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'] as const;
type Level = (typeof LEVELS)[number];

export interface LogSettings {
  /** How console output is written: `AWS_LAMBDA_LOG_FORMAT`, and always JSON with overlapping invocations. */
  lines: 'TEXT' | 'JSON';
  /** How the runtime's own Init Error / Invoke Error lines are shaped: `AWS_LAMBDA_LOG_FORMAT` alone. */
  errors: 'TEXT' | 'JSON';
  /** Console calls below this level do nothing (`AWS_LAMBDA_LOG_LEVEL`, in either format; everything by default). */
  minLevel: Level;
}

export function readLogSettings(env: NodeJS.ProcessEnv): LogSettings {
  const errors = env.AWS_LAMBDA_LOG_FORMAT?.toUpperCase() === 'JSON' ? 'JSON' : 'TEXT';
  const level = env.AWS_LAMBDA_LOG_LEVEL?.toUpperCase();
  return {
    lines: env.AWS_LAMBDA_MAX_CONCURRENCY === undefined ? errors : 'JSON',
    errors,
    minLevel: LEVELS.find((known) => known === level) ?? 'TRACE',
  };
}

const errorTypeOf = (error: Error): string => (error.constructor as { name?: string } | undefined)?.name ?? 'UnknownError';
const stackLines = (error: Error): string[] => (typeof error.stack === 'string' ? error.stack.split('\n') : []);

// An Error logged alone becomes an object with its type, message and stack lines, plus its own fields.
function serializeErrors(_key: string, value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  return { errorType: errorTypeOf(value), errorMessage: value.message, stackTrace: stackLines(value), ...value };
}

function formatJsonLine(base: Record<string, unknown>, message: unknown, params: unknown[]): string {
  if (params.length === 0) {
    try {
      return JSON.stringify({ ...base, message }, serializeErrors);
    } catch {
      return JSON.stringify({ ...base, message: format(message) });
    }
  }
  const line: Record<string, unknown> = { ...base, message: format(message, ...params) };
  const error = params.find((param): param is Error => param instanceof Error);
  if (error) Object.assign(line, { errorType: errorTypeOf(error), errorMessage: error.message, stackTrace: stackLines(error) });
  return JSON.stringify(line);
}

/**
 * Replaces console's methods the way nodejs24.x's runtime does, so a function's output reads as it
 * would in CloudWatch: TEXT lines `timestamp<TAB>requestId<TAB>LEVEL<TAB>message`, or JSON lines
 * `{timestamp, level, requestId, message}` (with errorType, errorMessage and stackTrace for an
 * Error), a line per call (newlines become carriage returns), levels below the minimum dropped.
 */
export function patchConsole(settings: LogSettings, store: InvokeStore, write: (line: string) => void): void {
  const threshold = LEVELS.indexOf(settings.minLevel);
  const logAt = (level: Level) => {
    if (LEVELS.indexOf(level) < threshold) return () => undefined;
    return (message?: unknown, ...params: unknown[]) => {
      const timestamp = new Date().toISOString();
      const requestId = store.getRequestId();
      const line =
        settings.lines === 'JSON'
          ? formatJsonLine({ timestamp, level, requestId }, message, params)
          : [timestamp, requestId, level, format(message, ...params)].join('\t');
      write(`${line.replace(/\n/g, '\r')}\n`);
    };
  };
  const patched = console as Console & { fatal?: (...data: unknown[]) => void };
  patched.trace = logAt('TRACE');
  patched.debug = logAt('DEBUG');
  patched.info = logAt('INFO');
  patched.warn = logAt('WARN');
  patched.error = logAt('ERROR');
  patched.fatal = logAt('FATAL');
  patched.log = patched.info;
}

// The TEXT form of a failure: the error's type, message, code and own fields, its stack as lines.
function describeForText(error: Error): string {
  try {
    const fields = { errorType: error.name, errorMessage: error.message, code: (error as { code?: unknown }).code, ...error };
    return `\t${JSON.stringify(typeof error.stack === 'string' ? { ...fields, stack: stackLines(error) } : fields)}`;
  } catch {
    return `\t${JSON.stringify({ errorType: error.name, errorMessage: error.message, trace: stackLines(error) })}`;
  }
}

/** The runtime's line for a failed init or invocation (`Init Error`, `Invoke Error`), through the patched console. */
export function logRuntimeError(settings: LogSettings, label: string, thrown: unknown): void {
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  if (settings.errors === 'JSON') console.error(error);
  else console.error(label, describeForText(error));
}
