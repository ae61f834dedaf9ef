/** The package a bundled input path belongs to: `…/node_modules/a/node_modules/@b/c/x.js` is `@b/c`. */
export function packageOf(input: string): string | undefined {
  const parts = input.split('/');
  const last = parts.lastIndexOf('node_modules');
  if (last < 0) return undefined;
  const name = parts[last + 1] ?? '';
  return name.startsWith('@') ? `${name}/${parts[last + 2]}` : name;
}
