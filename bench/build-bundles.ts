import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { buildArtifact } from '../dev/sam-build/build-artifact';
import { deriveEsbuildOptions } from '../dev/sam-build/derive-esbuild-options';
import type { BuildProperties } from '../dev/sam-model/sam-template';
import type { TemplateFunction } from '../dev/sam-model/read-template';

export interface PackageShare {
  readonly name: string;
  readonly bytes: number;
}

export interface Bundle {
  readonly file: string;
  readonly bytes: number;
  /** Bytes of the external `.map` file, when built with a sourcemap. */
  readonly mapBytes: number;
  /** Packages by bytes they contribute to the minified output, largest first. */
  readonly packages: PackageShare[];
}

/** `node_modules/a/node_modules/@b/c/x.js` belongs to `@b/c`; the repo's own files to their top folder. */
export function packageOf(input: string): string {
  const parts = input.split('/');
  const last = parts.lastIndexOf('node_modules');
  if (last === -1) return parts.length > 1 ? `${parts[0]}/` : input;
  const name = parts[last + 1] ?? input;
  return name.startsWith('@') ? `${name}/${parts[last + 2]}` : name;
}

function sharesOf(metafile: Metafile): PackageShare[] {
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input);
      bytes.set(name, (bytes.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...bytes].map(([name, size]) => ({ name, bytes: size })).sort((a, b) => b.bytes - a.bytes);
}

function bundleOf(file: string, metafile: Metafile): Bundle {
  return {
    file,
    bytes: statSync(file).size,
    mapBytes: existsSync(`${file}.map`) ? statSync(`${file}.map`).size : 0,
    packages: sharesOf(metafile),
  };
}

/**
 * A template function's artifact exactly as `sam build` writes it (production dependencies only),
 * with Sourcemap as given or, left out, as its BuildProperties say: `.aws-sam/build/<Function>/handler.js`.
 */
export async function bundleFunction(fn: TemplateFunction, outDir: string, overrides: Partial<BuildProperties> = {}): Promise<Bundle> {
  const artifact = await buildArtifact(fn, outDir, overrides, (line) => process.stderr.write(`${line}\n`));
  const entry = fn.build.EntryPoints[0] ?? '';
  // `OutExtension: ['.js=.mjs']` names the bundle handler.mjs.
  const extension = (overrides.OutExtension ?? fn.build.OutExtension ?? []).find((pair) => pair.startsWith('.js='))?.slice(4) ?? '.js';
  return bundleOf(path.join(outDir, `${path.basename(entry, path.extname(entry))}${extension}`), artifact.metafile);
}

/**
 * A benchmark subject bundled with the esbuild options sam build derives from `fn`'s
 * BuildProperties, its entry in place of EntryPoints. Built in the repository: peers are
 * devDependencies, which a production-only install would not have.
 */
export async function bundleSubject(fn: TemplateFunction, entry: string, outDir: string): Promise<Bundle> {
  mkdirSync(outDir, { recursive: true });
  const options = deriveEsbuildOptions({ ...fn.build, EntryPoints: [path.relative(fn.codeDir, entry)] }, fn.codeDir, outDir);
  const result = await build({ ...options, metafile: true, logLevel: 'error' });
  return bundleOf(path.join(outDir, `${path.basename(entry, path.extname(entry))}.js`), result.metafile);
}

/** The bench's own child and worker scripts, as plain JS: no TypeScript loader in a measured process. */
export async function bundleHarness(entry: string, file: string): Promise<string> {
  await build({ entryPoints: [entry], outfile: file, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
  return file;
}
