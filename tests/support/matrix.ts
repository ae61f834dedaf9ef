import type { Context } from 'aws-lambda';
import type { ProxyOptions } from '../../shared';
import { FRAMEWORKS, testHandler, type FrameworkName } from './apps';
import { FORMATS, type FormatFixture, type ReadResult } from './formats';
import { lambdaContext } from './lambda-context';
import type { RequestSpec } from '../../dev/sample-events/sample-request';

/** One cell of the format x framework matrix. */
export interface Cell {
  readonly format: FormatFixture;
  readonly framework: FrameworkName;
}

export const CELLS: readonly Cell[] = FORMATS.flatMap((format) => FRAMEWORKS.map((framework) => ({ format, framework })));

/** `describe.each` rows: a name, then the cell. */
export const CELL_ROWS: [string, Cell][] = CELLS.map((cell) => [`${cell.format.name} x ${cell.framework}`, cell]);

export interface Exchange {
  /** The event the handler got. */
  readonly event: unknown;
  /** The result exactly as the handler resolved it. */
  readonly result: unknown;
  /** The result as a client reads it. */
  readonly response: ReadResult;
  /** How many requests reached the app's test routes during this exchange. */
  readonly appRequests: number;
}

export interface ExchangeOptions {
  readonly options?: ProxyOptions;
  readonly context?: Context;
  /** Changes the event after the builder made it (a null body, a broken field...). */
  readonly alter?: (event: Record<string, unknown>) => unknown;
}

/** Sends one request through a cell: builds the event, invokes the handler, reads the result. */
export async function exchange(cell: Cell, spec: RequestSpec, how: ExchangeOptions = {}): Promise<Exchange> {
  const { handler, stats } = testHandler(cell.framework, how.options);
  const built = cell.format.buildEvent(spec);
  const event = how.alter ? how.alter(built) : built;
  const before = stats.received;
  const result: unknown = await handler(event, how.context ?? lambdaContext());
  return {
    event,
    result,
    response: cell.format.readResult(result),
    appRequests: stats.received - before,
  };
}

export function json<T = Record<string, unknown>>(response: ReadResult): T {
  return JSON.parse(response.body.toString('utf8')) as T;
}
