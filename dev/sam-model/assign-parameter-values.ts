import { isRecord } from './is-record';

/**
 * The value of each template parameter for a local run: its override when one is given, else its
 * Default. Overrides are checked as CloudFormation checks parameter values at deploy time, so a
 * value a deploy would refuse is refused locally too.
 */
export function assignParameterValues(
  declarations: Readonly<Record<string, unknown>>,
  overrides: Readonly<Record<string, string>> = {},
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, declaration] of Object.entries(declarations)) {
    const value = isRecord(declaration) ? declaration['Default'] : undefined;
    if (value !== undefined) values[name] = value;
  }
  for (const [name, value] of Object.entries(overrides)) {
    const declaration = declarations[name];
    if (!isRecord(declaration)) {
      const declared = Object.keys(declarations);
      throw new Error(
        `parameter override ${name}: the template declares no such parameter ` +
          `(it declares ${declared.length === 0 ? 'none' : declared.join(', ')})`,
      );
    }
    const problem = checkValue(value, declaration);
    if (problem) throw new Error(`parameter override ${name}=${value}: ${problem}`);
    values[name] = value;
  }
  return values;
}

const listOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** Why CloudFormation would refuse `value` for this parameter, or undefined. */
function checkValue(value: string, declaration: Readonly<Record<string, unknown>>): string | undefined {
  const allowed = listOf(declaration['AllowedValues']);
  if (allowed.length > 0 && !allowed.includes(value)) return `not one of its AllowedValues (${allowed.join(', ')})`;
  const pattern = declaration['AllowedPattern'];
  if (typeof pattern === 'string' && !new RegExp(`^(?:${pattern})$`).test(value)) return `does not match its AllowedPattern ${pattern}`;
  const { MinLength: minLength, MaxLength: maxLength } = declaration;
  if (minLength !== undefined && value.length < Number(minLength)) return `shorter than its MinLength ${String(minLength)}`;
  if (maxLength !== undefined && value.length > Number(maxLength)) return `longer than its MaxLength ${String(maxLength)}`;
  if (declaration['Type'] !== 'Number') return undefined;
  const number = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(number)) return 'not a number, and the parameter is of Type Number';
  const { MinValue: minValue, MaxValue: maxValue } = declaration;
  if (minValue !== undefined && number < Number(minValue)) return `below its MinValue ${String(minValue)}`;
  if (maxValue !== undefined && number > Number(maxValue)) return `above its MaxValue ${String(maxValue)}`;
  return undefined;
}
