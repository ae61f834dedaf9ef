import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';
import { deriveEsbuildOptions } from '../../dev/sam-build/derive-esbuild-options';
import { request } from '../../dev/sample-events/sample-request';
import { restV1Event } from '../../dev/sample-events/rest-v1-event';
import { parseCloudFormation } from '../../dev/sam-model/parse-cloudformation';
import { readTemplate, type BuildProperties } from '../../dev/sam-model/read-template';
import type { LambdaHttpHandler } from '../../shared';
import { lambdaContext } from '../support/lambda-context';

/*
 * docs/own-project.md ("Put your own app behind the helper"), followed as a user would: a fresh
 * `tsc --init`, its compiler settings, shared/ copied next to a small Express app and its
 * handler, type-checked by this repository's tsc, then bundled from its template snippet as sam
 * build would. Offline: the project links this repository's node_modules.
 */

const REPO_ROOT = join(__dirname, '..', '..');
const TSC = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** docs/own-project.md, the recipe README's "Put your own app behind the helper" points to. */
function ownAppSection(): string {
  return readFileSync(join(REPO_ROOT, 'docs', 'own-project.md'), 'utf8');
}

/** The first code block of a language in the section. */
function codeBlock(section: string, language: string): string {
  const block = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(section)?.[1];
  if (block === undefined) throw new Error(`the section has no ${language} block`);
  return block;
}

/** Reads a tsconfig as tsc does: comments and trailing commas allowed. */
function readConfig(file: string): { compilerOptions: Record<string, unknown> } {
  const { config, error } = ts.readConfigFile(file, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  return config as { compilerOptions: Record<string, unknown> };
}

/** What tsc prints when it checks the project: '' when there is nothing to say. */
function typeCheck(project: string): string {
  try {
    execFileSync(process.execPath, [TSC, '--noEmit', '-p', project], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (caught) {
    return String((caught as { stdout?: string }).stdout);
  }
}

const APP = `import express from 'express';

export function createApp(): express.Express {
  const app = express();
  app.get('/', (_req, res) => {
    res.json({ orders: [] });
  });
  return app;
}
`;

describe('an own project: shared/, an Express app and the handler of docs/own-project.md', () => {
  const section = ownAppSection();
  const project = mkdtempSync(join(tmpdir(), 'own-project-'));
  let defaults: { compilerOptions: Record<string, unknown> };

  beforeAll(() => {
    execFileSync(process.execPath, [TSC, '--init'], { cwd: project, stdio: 'pipe' });
    defaults = readConfig(join(project, 'tsconfig.json'));
    cpSync(join(REPO_ROOT, 'shared'), join(project, 'shared'), { recursive: true });
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
    writeFileSync(join(project, 'app.ts'), APP);
    writeFileSync(join(project, 'handler.ts'), codeBlock(section, 'ts'));
  });

  afterAll(() => {
    rmSync(project, { recursive: true, force: true });
  });

  it("fails under tsc --init's defaults alone with TS1295 (imports in a CommonJS file under verbatimModuleSyntax)", () => {
    expect(defaults.compilerOptions).toMatchObject({ module: 'nodenext', verbatimModuleSyntax: true, types: [] });
    expect(typeCheck(project)).toContain('error TS1295');
  });

  it('type-checks with exactly the settings docs/own-project.md gives on top of those defaults', () => {
    const overrides = JSON.parse(codeBlock(section, 'json')) as { compilerOptions: Record<string, unknown> };
    expect(Object.keys(overrides)).toEqual(['compilerOptions']);
    const config = { ...defaults, compilerOptions: { ...defaults.compilerOptions, ...overrides.compilerOptions } };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(config, null, 2));
    expect(typeCheck(project)).toBe('');
  });

  describe("built from docs/own-project.md's template snippet", () => {
    const snippet = parseCloudFormation(codeBlock(section, 'yaml')) as Record<
      string,
      { Properties: Record<string, string>; Metadata: { BuildMethod: string; BuildProperties: BuildProperties } }
    >;
    const [fn] = Object.values(snippet);
    const repoFunction = readTemplate(join(REPO_ROOT, 'template.yaml')).functions[0];

    it("builds like this repository's functions: esbuild, cjs, the same Target and runtime, CodeUri the project", () => {
      expect(fn?.Metadata.BuildMethod).toBe('esbuild');
      const { Format, Target, Minify } = fn?.Metadata.BuildProperties ?? {};
      const repo = repoFunction?.build;
      expect({ Format, Target, Minify }).toEqual({ Format: repo?.Format, Target: repo?.Target, Minify: repo?.Minify });
      expect(fn?.Properties['Runtime']).toBe(repoFunction?.runtime);
      expect(fn?.Properties['CodeUri']).toBe('./');
    });

    it('bundles into the file its Handler names, whose export answers a REST API event', async () => {
      const properties = fn?.Metadata.BuildProperties;
      if (!fn || !properties) throw new Error('the snippet has no function');
      const outdir = join(project, '.aws-sam', 'build');
      await build({ ...deriveEsbuildOptions(properties, project, outdir), logLevel: 'silent' });
      const [file, exported] = fn.Properties['Handler']?.split('.') ?? [];
      expect(properties.EntryPoints.map((entry) => basename(entry, extname(entry)))).toEqual([file]);
      const bundle = (await import(join(outdir, `${file}.js`))) as Record<string, LambdaHttpHandler>;
      const handler = bundle[exported ?? ''];
      if (!handler) throw new Error(`${file}.js exports no ${exported}`);
      const result = (await handler(restV1Event(request({ path: '/orders' })), lambdaContext())) as { statusCode: number; body: string };
      expect(result.statusCode).toBe(200);
      expect(JSON.parse(result.body)).toEqual({ orders: [] });
    });
  });
});
