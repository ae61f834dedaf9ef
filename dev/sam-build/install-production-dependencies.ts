import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/*
 * The scratch folders live outside the repository on purpose: Node's module resolution (and
 * esbuild's) walks up every parent folder, so a scratch folder under the repository would still
 * reach the repository's own node_modules, devDependencies included, which `sam build` cannot.
 */
const CACHE_ROOT = join(tmpdir(), 'sam-model-build');

const run = promisify(execFile);

function hashOf(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 16);
}

async function lockFileOf(codeDir: string): Promise<string | undefined> {
  const lock = join(codeDir, 'package-lock.json');
  return existsSync(lock) ? readFile(lock, 'utf8') : undefined;
}

/**
 * What `sam build` does before bundling: a scratch copy of CodeUri's package.json and lock file
 * with production dependencies only (`npm ci --omit=dev`). One scratch folder per package.json and lock
 * file content, kept between runs; returns it. Callers copy their sources into a folder inside it,
 * so that their imports resolve to these dependencies and nothing else.
 */
export function installProductionDependencies(codeDir: string, progress: (line: string) => void = () => undefined): Promise<string> {
  // Functions sharing a CodeUri are built in parallel, as `sam build --parallel` does: one install serves them.
  let installing = inFlight.get(codeDir);
  if (!installing) {
    installing = install(codeDir, progress).finally(() => inFlight.delete(codeDir));
    inFlight.set(codeDir, installing);
  }
  return installing;
}

const inFlight = new Map<string, Promise<string>>();

async function install(codeDir: string, progress: (line: string) => void): Promise<string> {
  const lock = await lockFileOf(codeDir);
  const manifest = join(codeDir, 'package.json');
  // Keyed by what npm installs from, not where: a copy of the project reuses the same install.
  const scratch = join(CACHE_ROOT, hashOf(existsSync(manifest) ? await readFile(manifest, 'utf8') : '', lock ?? ''));
  if (existsSync(join(scratch, '.installed'))) return scratch;
  if (!existsSync(manifest)) {
    await mkdir(scratch, { recursive: true });
    return scratch;
  }
  // Installed beside the final folder, then renamed: parallel test files may install at once.
  const staging = `${scratch}.${process.pid}.${Date.now()}`;
  await mkdir(staging, { recursive: true });
  await copyFile(manifest, join(staging, 'package.json'));
  const command = lock === undefined ? 'install' : 'ci';
  if (lock !== undefined) await copyFile(join(codeDir, 'package-lock.json'), join(staging, 'package-lock.json'));
  progress(`sam-model: npm ${command} --omit=dev for ${codeDir} (once per lock file, in ${scratch})`);
  const npm = () =>
    run('npm', [command, '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: staging, maxBuffer: 16 * 1024 * 1024 });
  // esbuild's install script runs the binary npm has just written, which fails now and then with
  // ETXTBSY when other processes are installing too; a second attempt finds the file closed.
  await npm()
    .catch(npm)
    .catch(async (error: unknown) => {
      await rm(staging, { recursive: true, force: true });
      throw error;
    });
  await copyFile(manifest, join(staging, '.installed'));
  try {
    await rename(staging, scratch);
  } catch {
    // Another process finished first: its install is as good as ours.
    await rm(staging, { recursive: true, force: true });
  }
  return scratch;
}
