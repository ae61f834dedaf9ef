import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { BuildOptions, Format, Loader } from 'esbuild';
import type { BuildProperties } from '../sam-model/sam-template';

// `Loader: ['.png=file']`, `OutExtension: ['.js=.mjs']`, `Banner: ['js=...']`: esbuild's `--flag:key=value`.
function pairsOf(items: string[] | undefined): Record<string, string> | undefined {
  if (!items) return undefined;
  const pairs: Record<string, string> = {};
  for (const item of items) {
    const equals = item.indexOf('=');
    if (equals > 0) pairs[item.slice(0, equals)] = item.slice(equals + 1);
  }
  return pairs;
}

// sam build accepts an entry point without its extension and tries .ts, then .js.
function withExtension(entryPoint: string, codeDir: string): string {
  if (extname(entryPoint) !== '') return entryPoint;
  return ['.ts', '.js'].map((ext) => entryPoint + ext).find((file) => existsSync(join(codeDir, file))) ?? entryPoint;
}

/**
 * The esbuild options `sam build` derives from a function's BuildProperties: always
 * `--bundle --platform=node`; `--target=es2020`, `--format=cjs` and `--minify` unless the
 * properties say otherwise; Minify and Sourcemap only when exactly `true`.
 */
export function deriveEsbuildOptions(properties: BuildProperties, codeDir: string, outdir: string): BuildOptions {
  const options: BuildOptions = {
    absWorkingDir: codeDir,
    entryPoints: properties.EntryPoints.map((entry) => withExtension(entry, codeDir)),
    bundle: true,
    platform: 'node',
    outdir,
    target: (properties.Target ?? 'es2020').split(','),
    format: (properties.Format ?? 'cjs') as Format,
    minify: properties.Minify === undefined || properties.Minify === true,
    sourcemap: properties.Sourcemap === true,
  };
  if (properties.SourcesContent !== undefined) options.sourcesContent = String(properties.SourcesContent) === 'true';
  if (properties.MainFields !== undefined) options.mainFields = properties.MainFields.split(',');
  if (properties.External) options.external = properties.External;
  const loader = pairsOf(properties.Loader);
  if (loader) options.loader = loader as Record<string, Loader>;
  const outExtension = pairsOf(properties.OutExtension);
  if (outExtension) options.outExtension = outExtension;
  const banner = pairsOf(properties.Banner);
  if (banner) options.banner = banner;
  return options;
}
