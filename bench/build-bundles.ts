import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';

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
function packageOf(input: string): string {
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

/**
 * Bundles one Lambda entry exactly as `sam build` does for the template's BuildProperties
 * (BuildMethod esbuild; Format cjs, Target node24, Minify true): esbuild --bundle
 * --platform=node --format=cjs --target=node24 --minify, and --sourcemap when Sourcemap is true.
 * The output is `handler.js` in its own folder, as in `.aws-sam/build/<Function>/`.
 */
export async function bundleAsSamBuilds(entry: string, outDir: string, sourcemap: boolean): Promise<Bundle> {
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'handler.js');
  const result = await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    minify: true,
    sourcemap,
    metafile: true,
    logLevel: 'error',
    absWorkingDir: path.resolve(__dirname, '..'),
  });
  return {
    file,
    bytes: statSync(file).size,
    mapBytes: sourcemap ? statSync(`${file}.map`).size : 0,
    packages: sharesOf(result.metafile),
  };
}

/** The bench's own child and worker scripts, as plain JS: no TypeScript loader in a measured process. */
export async function bundleHarness(entry: string, file: string): Promise<string> {
  await build({ entryPoints: [entry], outfile: file, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
  return file;
}
