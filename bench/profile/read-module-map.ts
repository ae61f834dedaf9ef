import { readFileSync } from 'node:fs';

/**
 * The module each line of an unminified esbuild bundle belongs to, from the `// path` comment
 * esbuild writes above each module (`../node_modules/koa/lib/application.js`, `shared/log.ts`);
 * undefined for the lines before the first (esbuild's own helpers, `__commonJS` and the like).
 */
export function readModuleMap(bundle: string): (line: number) => string | undefined {
  const starts: { line: number; module: string }[] = [];
  readFileSync(bundle, 'utf8')
    .split('\n')
    .forEach((text, line) => {
      const match = /^\/\/ (\S+\.(?:[cm]?js|ts|json))$/.exec(text);
      if (match?.[1]) starts.push({ line, module: match[1] });
    });
  return (line) => {
    // The last start at or before the line: starts are in line order.
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((starts[middle]?.line ?? 0) <= line) low = middle + 1;
      else high = middle;
    }
    return starts[low - 1]?.module;
  };
}
