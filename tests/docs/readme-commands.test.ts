import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The README (and docs/) must not drift from the repository: every make target, npm script and
// repository path that its shell blocks or inline code name has to exist.
const ROOT = join(__dirname, '..', '..');
const NPM_BUILTINS = new Set(['ci', 'install', 'install-scripts', 'exec', 'init', 'view', 'ls', 'pack']);

const documents = [
  'README.md',
  ...(existsSync(join(ROOT, 'docs')) ? readdirSync(join(ROOT, 'docs'), { withFileTypes: true }) : []).flatMap((entry) =>
    entry.isFile() && entry.name.endsWith('.md') ? [`docs/${entry.name}`] : [],
  ),
];

const makefile = readFileSync(join(ROOT, 'Makefile'), 'utf8');
const makeTargets = new Set([...makefile.matchAll(/^([A-Za-z][\w-]*)\s*:(?!=)/gm)].map((match) => match[1]));
const npmScripts = new Set(Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: object }).scripts));
const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n');
const topLevel = new Set(tracked.map((file) => file.split('/')[0]));

/** The shell lines of a document: fenced sh/bash/console blocks, `$ ` prompts removed; comments stay (they name make targets). */
function shellLines(text: string): string[] {
  const lines: string[] = [];
  for (const block of text.matchAll(/^```(?:sh|bash|shell|console)\n([\s\S]*?)^```/gm)) {
    for (const raw of (block[1] ?? '').split('\n')) {
      const line = raw.replace(/^\$ /, '').trim();
      if (line !== '') lines.push(line);
    }
  }
  return lines;
}

/** Inline code spans that are commands: `make x`, `npm run x`, `npm test`. */
function inlineCommands(text: string): string[] {
  return [...text.matchAll(/`((?:make|npm) [^`]+)`/g)].map((match) => match[1] as string);
}

/**
 * The files a document names in inline code anywhere (prose and tables too): `dev/local-api/cli.ts`,
 * `formats/alb.ts`, `handler.ts`. Placeholders (`<name>`) and globs are not files.
 */
function namedFiles(text: string): string[] {
  return [...text.matchAll(/`([\w./-]+\.(?:ts|js|cjs|mjs|json|ya?ml|toml|md))`/g)]
    .map((match) => match[1] as string)
    .filter((name) => !name.includes('*') && !/^https?:/.test(name));
}

// Files the documents name that are not the repository's: what the reader creates, what Lambda runs by default.
const NOT_REPOSITORY_FILES = new Set(['env.json', 'index.js']);

// A name is a tracked file's path, or the end of one (`formats/alb.ts` in a table about shared/).
const namesTrackedFile = (name: string): boolean =>
  tracked.some((file) => file === name.replace(/^\.\//, '') || file.endsWith(`/${name.replace(/^(\.\.?\/)+/, '')}`));

/** What one command line names: make targets, npm scripts, repository paths. */
function namesIn(line: string): { make: string[]; npm: string[]; paths: string[] } {
  const words = line.split(/\s+/);
  const make: string[] = [];
  const npm: string[] = [];
  const paths: string[] = [];
  words.forEach((raw, index) => {
    const word = raw.replace(/[),;:.]+$/, '');
    const previous = words[index - 1];
    if (previous === 'make' && /^[a-z][\w-]*$/.test(word)) make.push(word);
    if (words[index - 2] === 'npm' && previous === 'run' && /^[\w:-]+$/.test(word)) npm.push(word);
    if (previous === 'npm' && /^[a-z][\w:-]*$/.test(word) && word !== 'run' && !NPM_BUILTINS.has(word)) npm.push(word);
    const path = raw.replace(/^['"(]|['"),;:.]+$/g, '');
    if (/^[\w.-]+\/[\w./-]*$/.test(path) && topLevel.has(path.split('/')[0] as string)) paths.push(path);
  });
  return { make, npm, paths };
}

describe.each(documents)('%s', (document) => {
  const text = readFileSync(join(ROOT, document), 'utf8');
  const lines = [...shellLines(text), ...inlineCommands(text)];

  it('names at least one command (the reader below has something to check)', () => {
    expect(lines.length).toBeGreaterThan(0);
  });

  it('names only make targets the Makefile has', () => {
    const missing = lines.flatMap((line) => namesIn(line).make).filter((target) => !makeTargets.has(target));
    expect(missing).toEqual([]);
  });

  it('names only npm scripts package.json has', () => {
    const missing = lines.flatMap((line) => namesIn(line).npm).filter((script) => !npmScripts.has(script));
    expect(missing).toEqual([]);
  });

  it('names only repository paths that exist', () => {
    const missing = lines.flatMap((line) => namesIn(line).paths).filter((path) => !existsSync(join(ROOT, path)));
    expect(missing).toEqual([]);
  });

  it('names in its prose and tables only files the repository has', () => {
    expect(namedFiles(text).filter((name) => !NOT_REPOSITORY_FILES.has(name) && !namesTrackedFile(name))).toEqual([]);
  });
});

it('docs/helper-design.md names every module of shared/ in its table', () => {
  const design = readFileSync(join(ROOT, 'docs', 'helper-design.md'), 'utf8');
  const modules = tracked
    .filter((file) => /^shared\/.+\.ts$/.test(file) && file !== 'shared/index.ts')
    .map((file) => file.slice('shared/'.length));
  expect(modules.filter((module) => !design.includes(`\`${module}\``) && !design.includes(`\`shared/${module}\``))).toEqual([]);
});

describe('the README reader itself', () => {
  it('finds make targets, npm scripts and paths in a command line', () => {
    expect(namesIn('make test && npm run lint:template -- x && npm test')).toEqual({
      make: ['test'],
      npm: ['lint:template', 'test'],
      paths: [],
    });
    expect(namesIn('npx tsx dev/local-api/cli.ts --port 3000').paths).toEqual(['dev/local-api/cli.ts']);
  });

  it('reads shell blocks without their prompts, comments included, and skips other blocks', () => {
    const text = '```sh\n$ sam build # make build\n```\n```ts\nmake nothing\n```\n';
    expect(shellLines(text)).toEqual(['sam build # make build']);
    expect(namesIn('sam build # make build').make).toEqual(['build']);
  });

  it('finds file names in prose and accepts the end of a tracked path', () => {
    expect(namedFiles('see `formats/alb.ts`, `lambda-stream.ts` and `functions/<name>/app.ts`')).toEqual([
      'formats/alb.ts',
      'lambda-stream.ts',
    ]);
    expect(namesTrackedFile('formats/alb.ts')).toBe(true);
    expect(namesTrackedFile('lambda-stream.ts')).toBe(false);
  });

  it('would catch a missing make target', () => {
    expect(makeTargets.has('no-such-target')).toBe(false);
    expect(namesIn('make no-such-target').make).toEqual(['no-such-target']);
  });
});
