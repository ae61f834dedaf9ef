import type { TemplateFunction } from './sam-template';

/**
 * The frameworks functions/ has an app of. The tests' apps and the benchmark's subjects are
 * written per framework, so they need the list as a type; the template tests check that the
 * template declares one function for each, and everything else follows the template.
 */
export const FRAMEWORKS = ['express', 'koa', 'fastify'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** The app a function is built from: `functions/<app>/handler.ts` gives `<app>`. */
export function appNameOf(fn: TemplateFunction): string {
  const entry = fn.build.EntryPoints[0] ?? '';
  const match = /^(?:\.\/)?functions\/([^/]+)\//.exec(entry);
  if (!match?.[1]) throw new Error(`${fn.logicalId}: EntryPoints[0] ${entry} is not functions/<app>/...`);
  return match[1];
}
