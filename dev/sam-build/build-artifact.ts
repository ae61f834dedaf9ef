import { cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { deriveEsbuildOptions } from './derive-esbuild-options';
import { installProductionDependencies } from './install-production-dependencies';
import type { BuildProperties, TemplateFunction } from '../sam-model/sam-template';

/** What `sam build` writes for one function: `.aws-sam/build/<Function>/`. */
export interface BuiltArtifact {
  readonly dir: string;
  /** File name to size in bytes. */
  readonly files: Readonly<Record<string, number>>;
  /** Total bytes, source maps included. */
  readonly bytes: number;
  readonly metafile: Metafile;
}

// Never part of what sam build copies, or too big to copy for nothing.
const NOT_COPIED = new Set(['node_modules', '.git', '.aws-sam', '.build', '.scratch']);

async function sizesOf(dir: string): Promise<Record<string, number>> {
  const files: Record<string, number> = {};
  for (const file of (await readdir(dir)).sort()) files[file] = (await stat(join(dir, file))).size;
  return files;
}

/**
 * Builds a function's artifact exactly as `sam build` does: CodeUri copied into a scratch folder
 * that holds only production dependencies, then esbuild `--bundle --platform=node` with the
 * options its BuildProperties give. `overrides` changes BuildProperties for this build (the
 * benchmark builds with and without Sourcemap).
 */
export async function buildArtifact(
  fn: TemplateFunction,
  outDir: string,
  overrides: Partial<BuildProperties> = {},
  progress?: (line: string) => void,
): Promise<BuiltArtifact> {
  const scratch = await installProductionDependencies(fn.codeDir, progress);
  const sources = await mkdtemp(join(scratch, 'src-'));
  try {
    await cp(fn.codeDir, sources, { recursive: true, filter: (file) => !NOT_COPIED.has(basename(file)) });
    const options = deriveEsbuildOptions({ ...fn.build, ...overrides }, sources, outDir);
    const { metafile } = await build({ ...options, metafile: true, logLevel: 'silent' });
    const files = await sizesOf(outDir);
    return { dir: outDir, files, bytes: Object.values(files).reduce((sum, size) => sum + size, 0), metafile };
  } finally {
    await rm(sources, { recursive: true, force: true });
  }
}
