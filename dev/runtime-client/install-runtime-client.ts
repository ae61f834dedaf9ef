import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The package and major version nodejs24.x runs; never a dependency of the project (its install compiles C++). */
export const RUNTIME_CLIENT_PACKAGE = 'aws-lambda-ric@4';
export const RUNTIME_CLIENT_DIR = join(__dirname, '..', '..', '.build', 'runtime-client');
const PACKAGE_DIR = join(RUNTIME_CLIENT_DIR, 'node_modules', 'aws-lambda-ric');
/** The client's entry point, what the Lambda bootstrap runs with `node`. */
export const RUNTIME_CLIENT_ENTRY = join(PACKAGE_DIR, 'index.mjs');
/** Its install ends by copying the compiled addon here; without it the install did not build. */
const NATIVE_ADDON = join(PACKAGE_DIR, 'rapid-client.node');

function isOnPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The build tools the client's install scripts call, as a list of what is missing. */
function findMissingToolchain(): string[] {
  const missing: string[] = [];
  if (process.platform !== 'linux') missing.push(`Linux (the client's native addon does not build on ${process.platform})`);
  if (!isOnPath('cmake') && !isOnPath('cmake3')) missing.push('cmake');
  if (!isOnPath('make')) missing.push('make');
  if (!['c++', 'g++', 'clang++'].some(isOnPath)) missing.push('a C++ compiler (g++ or clang++)');
  if (!isOnPath('python3')) missing.push('python3 (for node-gyp)');
  return missing;
}

/**
 * Installs the real Lambda Node.js runtime interface client into `.build/runtime-client/` once and
 * returns its entry point; later runs reuse it. It lives outside the project's dependencies so that
 * a plain `npm ci` never needs a C++ toolchain.
 */
export async function installRuntimeClient(say: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<string> {
  if (existsSync(NATIVE_ADDON)) return RUNTIME_CLIENT_ENTRY;
  const missing = findMissingToolchain();
  if (missing.length > 0) {
    throw new Error(`${RUNTIME_CLIENT_PACKAGE} compiles a native addon at install and this machine lacks: ${missing.join(', ')}.`);
  }
  say('installing aws-lambda-ric (compiles a native addon, about a minute)...');
  // Built in a scratch directory and renamed at the end, so an interrupted build is never reused.
  const scratch = `${RUNTIME_CLIENT_DIR}.partial-${process.pid}`;
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
  // Approves the client's install scripts (they are the build), as the project's package.json does for its own.
  const manifest = {
    private: true,
    description: 'aws-lambda-ric for tests/runtime-client and bench/ only',
    allowScripts: { 'aws-lambda-ric': true },
  };
  await writeFile(join(scratch, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  try {
    await run(
      'npm',
      ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--foreground-scripts', RUNTIME_CLIENT_PACKAGE],
      {
        cwd: scratch,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
  } catch (error) {
    const output = error instanceof Error && 'stderr' in error ? String(error.stderr) : String(error);
    throw new Error(`installing ${RUNTIME_CLIENT_PACKAGE} failed:\n${output.split('\n').slice(-30).join('\n')}`, { cause: error });
  }
  if (!existsSync(join(scratch, 'node_modules', 'aws-lambda-ric', 'rapid-client.node'))) {
    throw new Error(`${RUNTIME_CLIENT_PACKAGE} installed but its native addon was not built (were its install scripts skipped?).`);
  }
  await rm(RUNTIME_CLIENT_DIR, { recursive: true, force: true });
  await rename(scratch, RUNTIME_CLIENT_DIR);
  say('aws-lambda-ric installed in .build/runtime-client/');
  return RUNTIME_CLIENT_ENTRY;
}

/** A Node 24 binary (what nodejs24.x runs): this one when it is 24, else the one `npx -p node@24` fetches. */
export function findNode24(): string {
  if (process.versions.node.split('.')[0] === '24') return process.execPath;
  return execFileSync('npx', ['-y', '-p', 'node@24', '--', 'node', '-p', 'process.execPath'], { encoding: 'utf8' }).trim();
}
