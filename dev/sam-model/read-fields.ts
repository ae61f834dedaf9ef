import { isRecord } from './is-record';

/** A template value of the wrong type: says which resource and property, and what it holds. */
export class TemplateError extends Error {
  override name = 'TemplateError';
}

/**
 * Typed reads of one map of a template (a resource's Properties, an event's Properties...):
 * each read names the property it wants and throws a TemplateError naming `where` and the
 * property when the value has another type, so a mistake in template.yaml reads as one.
 */
export interface Fields {
  /** Where this map is, for messages: `ExpressFunction.Properties`. */
  readonly where: string;
  readonly raw: Readonly<Record<string, unknown>>;
  has(name: string): boolean;
  string(name: string): string;
  optionalString(name: string): string | undefined;
  optionalNumber(name: string): number | undefined;
  optionalBoolean(name: string): boolean | undefined;
  optionalStringList(name: string): string[] | undefined;
  map(name: string): Fields;
  optionalMap(name: string): Fields | undefined;
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  return Array.isArray(value) ? 'a list' : value === null ? 'null' : `${typeof value} ${JSON.stringify(value)}`;
}

/** Reads `value` as a map at `where`; throws when it is not one. */
export function readFields(value: unknown, where: string): Fields {
  if (!isRecord(value)) throw new TemplateError(`${where} must be a map, not ${describe(value)}`);
  const raw = value;
  const fail = (name: string, wanted: string): never => {
    throw new TemplateError(`${where}.${name} must be ${wanted}, not ${describe(raw[name])}`);
  };
  const optionalString = (name: string): string | undefined => {
    const item = raw[name];
    return item === undefined || typeof item === 'string' ? item : fail(name, 'a string');
  };
  const optionalMap = (name: string): Fields | undefined =>
    raw[name] === undefined ? undefined : readFields(raw[name], `${where}.${name}`);
  return {
    where,
    raw,
    has: (name) => raw[name] !== undefined,
    string: (name) => optionalString(name) ?? fail(name, 'a string'),
    optionalString,
    // CloudFormation takes numbers and booleans written as strings too ("10", "true").
    optionalNumber(name) {
      const item = raw[name];
      if (item === undefined) return undefined;
      const number = typeof item === 'string' && item.trim() !== '' ? Number(item) : item;
      return typeof number === 'number' && Number.isFinite(number) ? number : fail(name, 'a number');
    },
    optionalBoolean(name) {
      const item = raw[name];
      if (item === undefined || typeof item === 'boolean') return item;
      return item === 'true' ? true : item === 'false' ? false : fail(name, 'true or false');
    },
    optionalStringList(name) {
      const item = raw[name];
      if (item === undefined) return undefined;
      return Array.isArray(item) && item.every((entry) => typeof entry === 'string') ? item : fail(name, 'a list of strings');
    },
    map: (name) => optionalMap(name) ?? fail(name, 'a map'),
    optionalMap,
  };
}
