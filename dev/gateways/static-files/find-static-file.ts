import { realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

/**
 * The file under `root` a request path names, or undefined when it names none or reaches
 * outside: every segment is decoded once and must be a plain name (no `..`, no separators or NUL
 * smuggled in escapes), and the file's real path (symbolic links followed) must stay under `root`,
 * itself a real path (`realpathSync` once, when the gateway is made).
 */
export function findStaticFile(realRoot: string, rawPath: string): string | undefined {
  const segments = rawPath.split('/').filter((segment) => segment !== '');
  const names: string[] = [];
  for (const segment of segments) {
    let name: string;
    try {
      name = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
    if (name === '.' || name === '..' || /[/\\\0]/.test(name)) return undefined;
    names.push(name);
  }
  if (names.length === 0) return undefined;
  try {
    const file = realpathSync(join(realRoot, ...names));
    return file.startsWith(realRoot + sep) && statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}
