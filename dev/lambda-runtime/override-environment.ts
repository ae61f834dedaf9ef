import type { SamTemplate, TemplateFunction } from '../sam-model/read-template';
import type { EnvVarsFile } from './read-env-vars-file';

/**
 * Applies an env vars file as `sam local` does: a function's own section (found by logical id,
 * else by FunctionName) wins over `Parameters`, and only variables the template declares for the
 * function take a value from the file; others are not set, and a warning says so. Without a file,
 * it only warns about the variables the template declares but no local run can resolve.
 */
export function overrideEnvironment(template: SamTemplate, file: EnvVarsFile | undefined): SamTemplate {
  const warnings: string[] = [];
  const functions = template.functions.map((fn) => {
    const section = file && (ownValue(file.byFunction, fn.logicalId) ?? ownValue(file.byFunction, fn.functionName));
    const overridden = overrideFunction(fn, { ...file?.everyFunction, ...section });
    for (const name of overridden.unresolvedVariables)
      warnings.push(
        `${fn.logicalId}.Environment.Variables.${name} cannot be resolved locally; it is left unset unless --env-vars gives it a value`,
      );
    for (const name of Object.keys(section ?? {}).filter((name) => !declares(fn, name)))
      warnings.push(
        `${file?.name}: ${fn.logicalId}.${name} is not set: the template does not declare it in the function's Environment.Variables`,
      );
    return overridden;
  });
  if (file) {
    const named = new Set(template.functions.flatMap((fn) => [fn.logicalId, fn.functionName]));
    for (const key of Object.keys(file.byFunction).filter((key) => !named.has(key)))
      warnings.push(`${file.name}: ${key} is not a function of the template; its variables are not used`);
    for (const name of Object.keys(file.everyFunction).filter((name) => !template.functions.some((fn) => declares(fn, name))))
      warnings.push(`${file.name}: Parameters.${name} is not set: no function declares it in its Environment.Variables`);
  }
  return { ...template, functions, warnings: [...template.warnings, ...warnings] };
}

// Own keys only: a variable named `constructor` or `toString` is a variable like any other.
const ownValue = <T>(map: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(map, key) ? map[key] : undefined);

const declares = (fn: TemplateFunction, name: string): boolean =>
  Object.hasOwn(fn.environment, name) || fn.unresolvedVariables.includes(name);

function overrideFunction(fn: TemplateFunction, overrides: Readonly<Record<string, string>>): TemplateFunction {
  const environment = { ...fn.environment };
  for (const name of [...Object.keys(fn.environment), ...fn.unresolvedVariables]) {
    const value = ownValue(overrides, name);
    if (value !== undefined) environment[name] = value;
  }
  return { ...fn, environment, unresolvedVariables: fn.unresolvedVariables.filter((name) => !Object.hasOwn(overrides, name)) };
}
