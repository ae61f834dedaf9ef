import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

// Artifacts written to disk and loaded for real in a plain Node process (jest's own module
// system cannot import an .mjs file), as the runtime finds them.
const dir = mkdtempSync(join(tmpdir(), 'load-handler-'));
const loader = join(dir, 'load.mjs');
writeFileSync(
  join(dir, 'load-entry.ts'),
  `import { loadHandler } from ${JSON.stringify(join(__dirname, '..', '..', 'dev', 'lambda-runtime', 'instance', 'load-handler'))};
  loadHandler(process.argv[2], process.argv[3]).then(
    async (handler) => console.log(JSON.stringify({ answer: await handler({}, {}) })),
    (error) => console.log(JSON.stringify({ name: error.name, message: error.message })),
  );`,
);
buildSync({
  entryPoints: [join(dir, 'load-entry.ts')],
  outfile: loader,
  bundle: true,
  platform: 'node',
  format: 'esm',
  logLevel: 'silent',
});

function load(handlerString: string): unknown {
  return JSON.parse(execFileSync(process.execPath, [loader, dir, handlerString], { encoding: 'utf8' })) as unknown;
}

mkdirSync(join(dir, 'src', 'api'), { recursive: true });
writeFileSync(join(dir, 'index.js'), 'exports.handler = async () => "js"; exports.notAFunction = 1;');
writeFileSync(join(dir, 'module.mjs'), 'export const handler = async () => "mjs";');
writeFileSync(join(dir, 'common.cjs'), 'module.exports = { handlers: { ping: async () => "nested" } };');
writeFileSync(join(dir, 'src', 'api', 'app.js'), 'exports.main = async () => "in a folder";');
writeFileSync(join(dir, 'both.js'), 'exports.handler = async () => "js first";');
writeFileSync(join(dir, 'both.mjs'), 'export const handler = async () => "mjs second";');
writeFileSync(join(dir, 'esm-default.mjs'), 'export default { handler: async () => "from default" };');
writeFileSync(join(dir, 'broken.js'), 'exports.handler = async () => {;');
mkdirSync(join(dir, 'node_modules', 'packaged'), { recursive: true });
writeFileSync(join(dir, 'node_modules', 'packaged', 'index.js'), 'exports.handler = async () => "from a package";');

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('loading a handler from its Handler string', () => {
  it.each([
    ['index.handler', 'js'],
    ['module.handler', 'mjs'],
    ['common.handlers.ping', 'nested'],
    ['src/api/app.main', 'in a folder'],
    ['both.handler', 'js first'],
    ['esm-default.handler', 'from default'],
    ['packaged.handler', 'from a package'],
  ])('%s finds the export the runtime would call', (handlerString, answer) => {
    expect(load(handlerString)).toEqual({ answer });
  });

  it.each([
    ['missing.handler', 'Runtime.ImportModuleError', /^Error: Cannot find module 'missing'/],
    ['index.nothing', 'Runtime.HandlerNotFound', /^index\.nothing is undefined or not exported$/],
    ['index.notAFunction', 'Runtime.HandlerNotFound', /^index\.notAFunction is not a function$/],
    ['index', 'Runtime.MalformedHandlerName', /^Bad handler$/],
    ['../index.handler', 'Runtime.MalformedHandlerName', /is not a valid handler name\. Use absolute paths/],
    ['broken.handler', 'Runtime.UserCodeSyntaxError', /^SyntaxError: /],
  ])('%s fails with the error the runtime names %s', (handlerString, name, message) => {
    expect(load(handlerString)).toEqual({ name, message: expect.stringMatching(message) as unknown });
  });
});
