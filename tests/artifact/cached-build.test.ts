import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { buildArtifact } from '../../dev/sam-build/build-artifact';
import { deriveEsbuildOptions } from '../../dev/sam-build/derive-esbuild-options';
import { installProductionDependencies } from '../../dev/sam-build/install-production-dependencies';
import { readTemplate, type TemplateFunction } from '../../dev/sam-model/read-template';
import { packageOf } from '../support/package-of';

/*
 * samconfig.toml builds with `cached = true`. From the second build on, sam build links the saved
 * dependencies into its scratch copy instead of installing production ones, and esbuild then
 * reaches a node_modules that holds the dev tree too. Built both ways in a row, every function
 * must come out byte for byte the same, or the deployed bundle is not the one tests/artifact tests.
 */

const REPO_ROOT = join(__dirname, '..', '..');
const template = readTemplate(join(REPO_ROOT, 'template.yaml'));
const NOT_COPIED = new Set(['node_modules', '.git', '.aws-sam', '.build', '.scratch']);

/** A build as `sam build --cached` makes it: CodeUri copied beside the project's own node_modules, dev tree and all. */
async function buildWithDevTree(fn: TemplateFunction, outDir: string): Promise<{ inputs: string[] }> {
  const scratch = await mkdtemp(join(tmpdir(), 'sam-cached-'));
  try {
    await cp(fn.codeDir, scratch, { recursive: true, filter: (file) => !NOT_COPIED.has(basename(file)) });
    await symlink(join(REPO_ROOT, 'node_modules'), join(scratch, 'node_modules'), 'dir');
    const { metafile } = await build({ ...deriveEsbuildOptions(fn.build, scratch, outDir), metafile: true, logLevel: 'silent' });
    return { inputs: Object.keys(metafile.inputs) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of (await readdir(dir)).sort()) files.set(name, await readFile(join(dir, name)));
  return files;
}

describe('sam build, then sam build --cached', () => {
  const outRoot = mkdtempSync(join(tmpdir(), 'sam-cached-out-'));
  afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

  it('has dev dependencies in reach of the cached build: the project tree holds packages the production tree does not', async () => {
    const production = await installProductionDependencies(REPO_ROOT);
    const devOnly = ['jest', 'supports-color'].filter((name) => !existsSync(join(production, 'node_modules', name)));
    expect(devOnly.every((name) => existsSync(join(REPO_ROOT, 'node_modules', name)))).toBe(true);
    expect(devOnly.length).toBeGreaterThan(0);
  });

  it.each(template.functions.map((fn) => [fn.logicalId, fn] as const))(
    '%s comes out byte for byte the same, and bundles nothing from outside the production dependency tree',
    async (id, fn) => {
      const clean = await buildArtifact(fn, join(outRoot, id, 'clean'));
      const cached = await buildWithDevTree(fn, join(outRoot, id, 'cached'));
      const production = await installProductionDependencies(fn.codeDir);
      const outside = [...new Set(cached.inputs.map(packageOf))].filter(
        (name): name is string => name !== undefined && !existsSync(join(production, 'node_modules', name)),
      );
      expect(outside).toEqual([]);
      const [cleanFiles, cachedFiles] = await Promise.all([filesOf(clean.dir), filesOf(join(outRoot, id, 'cached'))]);
      expect([...cachedFiles.keys()]).toEqual([...cleanFiles.keys()]);
      for (const [name, bytes] of cleanFiles) expect(cachedFiles.get(name)?.equals(bytes)).toBe(true);
    },
  );
});
