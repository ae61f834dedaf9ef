/** One line the helper wrote to stdout. */
export interface LogLine {
  readonly raw: string;
  /** The parsed JSON, or undefined when the line is not JSON. */
  readonly json: Record<string, unknown> | undefined;
}

function parse(raw: string): LogLine {
  try {
    const json: unknown = JSON.parse(raw);
    return { raw, json: typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : undefined };
  } catch {
    return { raw, json: undefined };
  }
}

/**
 * Records what is written to `process.stdout` (where the helper logs) during each test of the
 * enclosing describe, instead of printing it. Returns the lines of the current test.
 */
export function captureLogs(): () => LogLine[] {
  let lines: LogLine[] = [];
  let spy: jest.SpyInstance | undefined;
  beforeEach(() => {
    lines = [];
    spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      for (const raw of text.split('\n')) if (raw !== '') lines.push(parse(raw));
      return true;
    });
  });
  afterEach(() => spy?.mockRestore());
  return () => lines;
}

/** Silences what the apps print with console.error (their own error logging) during each test. */
export function silenceConsoleErrors(): void {
  let spy: jest.SpyInstance | undefined;
  beforeEach(() => {
    spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => spy?.mockRestore());
}

/** Runs `run` and returns what it wrote to stdout, instead of printing it. */
export function captureStdout(run: () => void): string {
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    run();
    return write.mock.calls.map(([chunk]) => String(chunk)).join('');
  } finally {
    write.mockRestore();
  }
}
