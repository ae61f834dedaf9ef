import type { SamconfigParameters } from './read-samconfig';

type OptionKind = { type: 'string' | 'boolean'; multiple?: boolean };

// samconfig.toml names a few options differently from their flags.
const RENAMED: Record<string, string> = { template_file: 'template' };

/**
 * The command line with samconfig.toml's values filled in where the command line gives none
 * (flags win, as with the SAM CLI): `env_vars` fills `--env-vars`, `parameter_overrides` (a string
 * or a list) fills `--parameter-overrides`. Returns the merged values and a note per key of the
 * command's table that names no option here.
 */
export function mergeSamconfig(
  given: Readonly<Record<string, unknown>>,
  config: SamconfigParameters,
  options: Readonly<Record<string, OptionKind>>,
): { values: Record<string, unknown>; notes: string[] } {
  const values: Record<string, unknown> = { ...given };
  const notes: string[] = [];
  for (const [key, value] of Object.entries(config.values)) {
    const flag = RENAMED[key] ?? key.replaceAll('_', '-');
    // Own keys only: a samconfig key named `constructor` is no option.
    const kind = Object.hasOwn(options, flag) ? options[flag] : undefined;
    if (!kind) {
      if (config.ownKeys.has(key)) notes.push(`Note: ${config.file}: ${key} is not an option of the local API; ignored.`);
      continue;
    }
    if (values[flag] !== undefined) continue;
    if (kind.type === 'boolean') values[flag] = value === true || value === 'true';
    else if (kind.multiple) values[flag] = (Array.isArray(value) ? value : [value]).map(String);
    else values[flag] = String(value);
  }
  return { values, notes };
}
