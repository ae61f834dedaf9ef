/**
 * Why a command line did not parse, said as its fix. Two slips come up: a typo in an option's
 * name, and flags given to `npm start` without `--`, which npm keeps for itself (it sets
 * `npm_config_port=true`) and whose values then reach the local API as stray arguments.
 */

// A bare flag npm keeps as its own configuration reaches the script only as this variable.
const NPM_FLAG_VALUE = 'true';

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/** The known option a mistyped name most likely meant: at most two edits away (`--prot`: `--port`). */
export function closestOption(name: string, known: readonly string[]): string | undefined {
  const ranked = known.map((option) => ({ option, edits: distance(name, option) })).sort((a, b) => a.edits - b.edits);
  const best = ranked[0];
  return best && best.edits <= 2 && best.edits < name.length ? best.option : undefined;
}

/** The flags npm kept for itself: each `npm_config_<name>=true` whose name is, or is a typo of, an option. */
function flagsNpmKept(env: NodeJS.ProcessEnv, known: readonly string[]): { given: string; meant: string | undefined }[] {
  return Object.entries(env)
    .filter(([name, value]) => name.startsWith('npm_config_') && value === NPM_FLAG_VALUE)
    .map(([name]) => name.slice('npm_config_'.length).replaceAll('_', '-'))
    .flatMap((given) => {
      if (known.includes(given)) return [{ given, meant: given }];
      const meant = closestOption(given, known);
      return meant ? [{ given, meant }] : [];
    });
}

/**
 * The fix for a command line, or undefined when there is nothing to fix. `args` is what reached
 * the script; `env` tells which flags npm kept; `error` is the parser's complaint, if any.
 */
export function explainArguments(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  known: readonly string[],
  error?: unknown,
): string | undefined {
  const stray = args.filter((arg) => !arg.startsWith('-'));
  // A near-miss name alone may be npm's own setting; with a stray value it is a flag npm took from us.
  const kept = flagsNpmKept(env, known).filter(({ given, meant }) => given === meant || stray.length > 0);
  if (kept.length > 0) {
    const typos = kept
      .filter(({ given, meant }) => given !== meant)
      .map(({ given, meant }) => `--${given} is not an option: did you mean --${meant}? `);
    const fixed = kept.map(({ meant }, index) => [`--${meant ?? ''}`, ...(stray[index] === undefined ? [] : [stray[index]])].join(' '));
    return (
      `${typos.join('')}npm kept ${kept.map(({ given }) => `--${given}`).join(' ')} for itself: ` +
      `npm passes flags to the script only after --: npm start -- ${fixed.join(' ')}`
    );
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = error instanceof Error ? error.message : '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = /'--?([^'=]+)/.exec(message)?.[1] ?? '';
    const meant = closestOption(name, known);
    return meant ? `--${name} is not an option: did you mean --${meant}?` : `--${name} is not an option.`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const value = /argument '([^']*)'/.exec(message)?.[1] ?? '';
    return `Unexpected argument '${value}': every value follows its option, as in npm start -- --port 3100.`;
  }
  return undefined;
}
