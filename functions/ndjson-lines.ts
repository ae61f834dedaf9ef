import { setTimeout as sleep } from 'node:timers/promises';
import { formatUnixDate } from './format-unix-date';

/** How `GET /stream` is asked for: `count` lines, `intervalMs` apart. */
export interface LinesQuery {
  readonly count: number;
  readonly intervalMs: number;
}

const COUNT = { fallback: 5, min: 1, max: 100 };
const INTERVAL_MS = { fallback: 200, min: 0, max: 2000 };

function readBounded(value: unknown, bounds: { fallback: number; min: number; max: number }): number {
  const text = Array.isArray(value) ? value[0] : value;
  const number = typeof text === 'string' && text.trim() !== '' ? Number(text) : Number.NaN;
  if (!Number.isFinite(number)) return bounds.fallback;
  return Math.min(bounds.max, Math.max(bounds.min, Math.trunc(number)));
}

/** Reads `count` (default 5, at most 100) and `intervalMs` (default 200, at most 2000) from a parsed query. */
export function readLinesQuery(query: Record<string, unknown>): LinesQuery {
  return { count: readBounded(query['count'], COUNT), intervalMs: readBounded(query['intervalMs'], INTERVAL_MS) };
}

/** The NDJSON lines of `GET /stream`: `{"from","seq","message"}`, the first at once, then one each `intervalMs`. */
export async function* ndjsonLines(from: string, { count, intervalMs }: LinesQuery): AsyncGenerator<string> {
  for (let seq = 1; seq <= count; seq += 1) {
    if (seq > 1) await sleep(intervalMs);
    yield `${JSON.stringify({ from, seq, message: formatUnixDate(new Date()) })}\n`;
  }
}
