import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import ts from 'typescript';
import { FRAMEWORKS, appNameOf } from '../../dev/sam-model/frameworks';
import { parseCloudFormation } from '../../dev/sam-model/parse-cloudformation';
import { readFields } from '../../dev/sam-model/read-fields';
import { readTemplate } from '../../dev/sam-model/read-template';
import {
  expectEntryPointIsHandler,
  expectEsbuildMetadata,
  expectOwnLogGroup,
  expectRoute,
  urlOutputOf,
  writtenProperties,
} from './function-conventions';

const REPO_ROOT = join(__dirname, '..', '..');
const template = readTemplate(join(REPO_ROOT, 'template.yaml'));
const document = readFields(template.document, 'template');
const resources = document.map('Resources');
const globals = document.map('Globals').map('Function');
const functions = template.functions.map((fn) => [fn.logicalId, fn] as const);

describe('the template parser', () => {
  it('turns CloudFormation short forms into their long forms, nested ones included', () => {
    const parsed = parseCloudFormation(
      ['a: !Ref X', 'b: !GetAtt R.Arn', "c: !Join ['', [!Ref A, !Sub 'x${B}']]", 'd: !If [C, !Ref A, !Ref AWS::NoValue]'].join('\n'),
    );
    expect(parsed).toEqual({
      a: { Ref: 'X' },
      b: { 'Fn::GetAtt': ['R', 'Arn'] },
      c: { 'Fn::Join': ['', [{ Ref: 'A' }, { 'Fn::Sub': 'x${B}' }]] },
      d: { 'Fn::If': ['C', { Ref: 'A' }, { Ref: 'AWS::NoValue' }] },
    });
  });

  it('splits !GetAtt at the first dot only, as CloudFormation does (attributes may hold dots)', () => {
    expect(parseCloudFormation('a: !GetAtt Db.Endpoint.Address')).toEqual({ a: { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] } });
  });
});

describe('template.yaml', () => {
  it('is a SAM template', () => {
    expect(document.string('Transform')).toBe('AWS::Serverless-2016-10-31');
  });

  describe('the API', () => {
    const apis = Object.keys(resources.raw).filter((id) => resources.map(id).raw['Type'] === 'AWS::Serverless::Api');
    const api = () => resources.map(apis[0] ?? '').map('Properties');

    it('is exactly one explicit AWS::Serverless::Api', () => {
      expect(apis).toHaveLength(1);
      expect(template.apis.map((each) => each.logicalId)).toEqual(apis);
    });

    it('has the single stage dev, with OpenApiVersion 3.0.1 so SAM adds no stray "Stage" stage', () => {
      expect(template.apis[0]?.stageName).toBe('dev');
      expect(api().string('OpenApiVersion')).toBe('3.0.1');
    });

    it('throttles the stage from template parameters with modest defaults', () => {
      expect(api().raw['MethodSettings']).toEqual([
        expect.objectContaining({
          ResourcePath: '/*',
          HttpMethod: '*',
          ThrottlingRateLimit: { Ref: 'ThrottlingRateLimit' },
          ThrottlingBurstLimit: { Ref: 'ThrottlingBurstLimit' },
        }),
      ]);
      const rate = template.parameters['ThrottlingRateLimit'];
      const burst = template.parameters['ThrottlingBurstLimit'];
      expect(typeof rate).toBe('number');
      expect(typeof burst).toBe('number');
      expect(rate).toBeGreaterThan(0);
      expect(rate).toBeLessThanOrEqual(100);
      expect(burst).toBeGreaterThanOrEqual(rate as number);
      expect(burst).toBeLessThanOrEqual(200);
    });
  });

  describe('the functions', () => {
    it.each([
      ['buffered', false],
      ['streaming', true],
    ])('include one %s function per app under functions/, each app once', (_kind, streaming) => {
      const apps = template.functions.filter((fn) => fn.responseStreaming === streaming).map(appNameOf);
      expect(apps).toEqual(expect.arrayContaining([...FRAMEWORKS]));
      expect(new Set(apps).size).toBe(apps.length);
    });

    it('share Globals: nodejs24.x on arm64, CodeUri ./ (so shared/ is built), Handler handler.handler', () => {
      expect(globals.string('Runtime')).toBe('nodejs24.x');
      expect(globals.optionalStringList('Architectures')).toEqual(['arm64']);
      expect(globals.string('CodeUri')).toBe('./');
      expect(globals.string('Handler')).toBe('handler.handler');
      expect(globals.optionalNumber('Timeout')).toEqual(expect.any(Number));
      expect(globals.optionalNumber('MemorySize')).toEqual(expect.any(Number));
    });

    it.each(functions)('%s does not override the Globals it relies on (a streaming one only its Handler)', (_id, fn) => {
      for (const key of ['Runtime', 'Architectures', 'CodeUri']) expect(writtenProperties(template, fn).has(key)).toBe(false);
      expect(writtenProperties(template, fn).has('Handler')).toBe(fn.responseStreaming);
      const handler = fn.responseStreaming ? 'stream-handler.handler' : 'handler.handler';
      expect(fn).toMatchObject({ runtime: 'nodejs24.x', handler, codeDir: REPO_ROOT });
    });

    it.each(functions.filter(([, fn]) => fn.responseStreaming))(
      '%s outlasts the longest GET /stream (count=100, intervalMs=2000: about 198 s) within 15 minutes',
      (_id, fn) => {
        expect(fn.timeoutSeconds).toBeGreaterThan(198);
        expect(fn.timeoutSeconds).toBeLessThanOrEqual(900);
      },
    );

    it.each(functions)('%s logs JSON to its own log group with a retention parameter', (_id, fn) => {
      expectOwnLogGroup(template, fn);
    });

    it('each have a log group of their own', () => {
      const logGroups = template.functions.map((fn) => fn.logging?.logGroup);
      expect(new Set(logGroups).size).toBe(template.functions.length);
    });

    it.each(functions)('%s routes ANY /<app>/{proxy+} on the API, or GET /<app>/stream through a STREAM integration', (_id, fn) => {
      expectRoute(template, fn);
    });
  });

  describe('the build Metadata', () => {
    it.each(functions)('%s builds with esbuild: cjs, minified, a Target and a Sourcemap choice', (_id, fn) => {
      expectEsbuildMetadata(fn);
    });

    it('is the same in every function apart from EntryPoints (Metadata cannot go in Globals)', () => {
      const withoutEntryPoints = template.functions.map((fn) => ({ ...fn.build, EntryPoints: [] }));
      for (const build of withoutEntryPoints) expect(build).toEqual(withoutEntryPoints[0]);
    });

    // Measured costs (+12.8 ms, 1.27x, ~1 MB) live in one place, the benchmark's results; a copy drifts.
    it('comments quote no measured figure and name only sections bench/results/latest.md has', () => {
      const text = readFileSync(join(REPO_ROOT, 'template.yaml'), 'utf8');
      const comments = text.split('\n').filter((line) => line.trimStart().startsWith('#'));
      expect(comments.filter((line) => /[+~]\s*\d|\d(?:\.\d+)?x\b|\d\.\d+\s*(?:ms|MB|KB)\b/.test(line))).toEqual([]);
      const headings = readFileSync(join(REPO_ROOT, 'bench', 'results', 'latest.md'), 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('#'))
        .map((line) => line.replace(/^#+\s*/, ''));
      const named = [...text.matchAll(/"([^"]+)" in bench\/results\/latest\.md/g)].map((match) => match[1]);
      expect(named.length).toBeGreaterThan(0);
      for (const section of named) expect(headings).toContain(section);
    });

    it.each(functions)(
      '%s: the entry point exists, its bundle is the file Handler names, and it exports createHandler (or createStreamHandler) with basePath /<app>',
      (_id, fn) => {
        expectEntryPointIsHandler(fn);
      },
    );
  });

  describe('the Outputs', () => {
    const outputs = document.map('Outputs');
    const stageUrl = 'https://${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}/dev/';

    it('give APIGWEndpoint, the dev stage URL of the API', () => {
      expect(outputs.map('APIGWEndpoint').raw['Value']).toEqual({ 'Fn::Sub': stageUrl });
      expect(resources.has('Api')).toBe(true);
    });

    it.each(functions)('give the /<app>/ping (or /<app>/stream) URL of %s', (_id, fn) => {
      const { name, path } = urlOutputOf(fn);
      expect(outputs.map(name).raw['Value']).toEqual({ 'Fn::Sub': `${stageUrl}${path.slice(1)}` });
    });
  });
});

describe('package.json', () => {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const dependencies = Object.keys(manifest.dependencies ?? {});

  it('lists esbuild in dependencies: sam build installs only production dependencies', () => {
    expect(dependencies).toContain('esbuild');
  });

  it('lists every package that functions/ and shared/ import in dependencies', () => {
    const imported = new Set<string>();
    for (const file of sourceFiles(['functions', 'shared'])) {
      for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
        if (fileName.startsWith('.') || fileName.startsWith('node:') || builtinModules.includes(fileName)) continue;
        // Types-only packages never reach the bundle.
        if (fileName === 'aws-lambda') continue;
        const parts = fileName.split('/');
        imported.add(fileName.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string));
      }
    }
    expect(imported.size).toBeGreaterThan(0);
    expect([...imported].filter((name) => !dependencies.includes(name))).toEqual([]);
  });
});

function sourceFiles(folders: string[]): string[] {
  return folders.flatMap((folder) => ts.sys.readDirectory(join(REPO_ROOT, folder), ['.ts']));
}

/**
 * The committed samconfig.toml: `sam deploy --guided` may save a user's region and bucket into
 * the working copy, which is theirs; what must never be committed is checked in git's copy.
 */
function committedSamconfig(): string {
  try {
    return execFileSync('git', ['show', 'HEAD:samconfig.toml'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return readFileSync(join(REPO_ROOT, 'samconfig.toml'), 'utf8');
  }
}

type TomlTable = Record<string, unknown>;
const tableAt = (root: TomlTable, path: string): TomlTable =>
  path.split('.').reduce<TomlTable>((table, key) => (table[key] ?? {}) as TomlTable, root);

describe('samconfig.toml', () => {
  const text = committedSamconfig();
  const config = parseToml(text) as TomlTable;

  it('is version 0.1 with a stack name', () => {
    expect(config['version']).toBe(0.1);
    expect(tableAt(config, 'default.global.parameters')['stack_name']).toEqual(expect.stringMatching(/^[A-Za-z][A-Za-z0-9-]*$/));
  });

  it('builds cached and in parallel, and validates with lint', () => {
    expect(tableAt(config, 'default.build.parameters')).toEqual(expect.objectContaining({ cached: true, parallel: true }));
    expect(tableAt(config, 'default.validate.parameters')).toEqual(expect.objectContaining({ lint: true }));
  });

  it('deploys with CAPABILITY_IAM, a confirmed changeset and a SAM-managed bucket', () => {
    expect(tableAt(config, 'default.deploy.parameters')).toEqual(
      expect.objectContaining({ capabilities: 'CAPABILITY_IAM', confirm_changeset: true, resolve_s3: true }),
    );
  });

  it('names no region, bucket or account: sam deploy --guided asks for them', () => {
    const keys: string[] = [];
    const collect = (table: TomlTable): void => {
      for (const [key, value] of Object.entries(table)) {
        keys.push(key);
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) collect(value as TomlTable);
      }
    };
    collect(config);
    expect(keys).toEqual(expect.arrayContaining(['stack_name']));
    for (const forbidden of ['region', 's3_bucket', 's3_prefix', 'profile', 'image_repository']) expect(keys).not.toContain(forbidden);
    expect(text).not.toMatch(/\b\d{12}\b/);
  });
});
