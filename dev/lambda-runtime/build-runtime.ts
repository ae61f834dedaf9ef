import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles the function instances' entry (instance/run-invocations.ts) into plain JavaScript, so worker
 * threads run it under any Node.js without a TypeScript loader. It is ESM so that `import()` of a
 * function's `.mjs` handler stays a real dynamic import. Returns the bundle's path.
 */
export async function buildRuntime(buildDir: string): Promise<string> {
  const outfile = join(buildDir, 'runtime', 'run-invocations.mjs');
  await build({
    entryPoints: [join(__dirname, 'instance', 'run-invocations.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The runtime's error classes keep their names: JSON log lines show them as errorType.
    keepNames: true,
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}
