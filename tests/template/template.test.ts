import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { basename, delimiter, extname, join } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseToml } from 'smol-toml';
import ts from 'typescript';
import { loadTemplate, mapAt, parseCloudFormation, REPO_ROOT, serverlessFunctions, type Node } from './load-template';

const template = loadTemplate();
const resources = mapAt(template, 'Resources');
const globals = mapAt(template, 'Globals', 'Function');
const functions = serverlessFunctions(template);
const FRAMEWORKS = ['express', 'koa', 'fastify'] as const;

/** The framework a function serves, read from its route `/<framework>/{proxy+}`. */
function frameworkOf(properties: Node): string {
  const route = mapAt(properties, 'Events', 'Proxy', 'Properties')['Path'];
  const match = typeof route === 'string' ? /^\/([a-z]+)\/\{proxy\+\}$/.exec(route) : null;
  if (!match?.[1]) throw new Error(`route ${String(route)} is not /<framework>/{proxy+}`);
  return match[1];
}

function parameterDefault(name: string): unknown {
  return mapAt(template, 'Parameters', name)['Default'];
}

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
});

describe('template.yaml', () => {
  it('is a SAM template', () => {
    expect(template['Transform']).toBe('AWS::Serverless-2016-10-31');
  });

  describe('the API', () => {
    const apis = Object.entries(resources).filter(([, resource]) => (resource as Node)['Type'] === 'AWS::Serverless::Api');

    it('is exactly one explicit AWS::Serverless::Api', () => {
      expect(apis).toHaveLength(1);
    });

    it('has the single stage dev, with OpenApiVersion 3.0.1 so SAM adds no stray "Stage" stage', () => {
      const properties = mapAt(apis[0]?.[1], 'Properties');
      expect(properties['StageName']).toBe('dev');
      expect(properties['OpenApiVersion']).toBe('3.0.1');
    });

    it('throttles the stage from template parameters with modest defaults', () => {
      const settings = mapAt(apis[0]?.[1], 'Properties')['MethodSettings'];
      expect(settings).toEqual([
        expect.objectContaining({
          ResourcePath: '/*',
          HttpMethod: '*',
          ThrottlingRateLimit: { Ref: 'ThrottlingRateLimit' },
          ThrottlingBurstLimit: { Ref: 'ThrottlingBurstLimit' },
        }),
      ]);
      const rate = parameterDefault('ThrottlingRateLimit');
      const burst = parameterDefault('ThrottlingBurstLimit');
      expect(typeof rate).toBe('number');
      expect(typeof burst).toBe('number');
      expect(rate).toBeGreaterThan(0);
      expect(rate).toBeLessThanOrEqual(100);
      expect(burst).toBeGreaterThanOrEqual(rate as number);
      expect(burst).toBeLessThanOrEqual(200);
    });
  });

  describe('the functions', () => {
    it('are exactly three AWS::Serverless::Function, one per framework', () => {
      expect(functions).toHaveLength(3);
      expect(functions.map((fn) => frameworkOf(fn.properties)).sort()).toEqual([...FRAMEWORKS].sort());
    });

    it('share Globals: nodejs24.x on arm64, CodeUri ./ (so shared/ is built), Handler handler.handler', () => {
      expect(globals['Runtime']).toBe('nodejs24.x');
      expect(globals['Architectures']).toEqual(['arm64']);
      expect(globals['CodeUri']).toBe('./');
      expect(globals['Handler']).toBe('handler.handler');
      expect(typeof globals['Timeout']).toBe('number');
      expect(typeof globals['MemorySize']).toBe('number');
    });

    it('do not override the Globals each one relies on', () => {
      for (const { properties } of functions) {
        for (const key of ['Runtime', 'Architectures', 'CodeUri', 'Handler']) expect(properties).not.toHaveProperty(key);
      }
    });

    it.each(functions.map((fn) => [fn.logicalId, fn] as const))(
      '%s logs JSON to its own log group with a retention parameter',
      (_id, fn) => {
        const logging = { ...(globals['LoggingConfig'] as Node | undefined), ...mapAt(fn.properties, 'LoggingConfig') };
        expect(logging['LogFormat']).toBe('JSON');
        const logGroupRef = logging['LogGroup'] as Node;
        expect(logGroupRef).toEqual({ Ref: expect.any(String) });
        const logGroup = resources[logGroupRef['Ref'] as string] as Node;
        expect(logGroup['Type']).toBe('AWS::Logs::LogGroup');
        const retention = mapAt(logGroup, 'Properties')['RetentionInDays'] as Node;
        expect(retention).toEqual({ Ref: expect.any(String) });
        expect(mapAt(template, 'Parameters', retention['Ref'] as string)['Default']).toEqual(expect.any(Number));
      },
    );

    it('each have a log group of their own', () => {
      const logGroups = functions.map((fn) => JSON.stringify(mapAt(fn.properties, 'LoggingConfig')['LogGroup']));
      expect(new Set(logGroups).size).toBe(functions.length);
    });

    it.each(functions.map((fn) => [fn.logicalId, fn] as const))('%s routes ANY /<framework>/{proxy+} on the API', (_id, fn) => {
      const events = mapAt(fn.properties, 'Events');
      expect(Object.keys(events)).toHaveLength(1);
      const proxy = mapAt(events, 'Proxy');
      expect(proxy['Type']).toBe('Api');
      const framework = frameworkOf(fn.properties);
      expect(mapAt(proxy, 'Properties')).toEqual({ RestApiId: { Ref: 'Api' }, Path: `/${framework}/{proxy+}`, Method: 'ANY' });
      expect(fn.logicalId.toLowerCase()).toBe(`${framework}function`);
    });
  });

  describe('the build Metadata', () => {
    it.each(functions.map((fn) => [fn.logicalId, fn] as const))(
      '%s builds with esbuild: cjs, minified, a Target and a Sourcemap choice',
      (_id, fn) => {
        expect(fn.metadata['BuildMethod']).toBe('esbuild');
        const build = mapAt(fn.metadata, 'BuildProperties');
        // ESM bundles of these frameworks crash on their dynamic require calls.
        expect(build['Format']).toBe('cjs');
        expect(build['Minify']).toBe(true);
        expect(build['Target']).toEqual(expect.stringMatching(/^(?:node\d+|es20\d\d)$/));
        expect(typeof build['Sourcemap']).toBe('boolean');
        expect(build['EntryPoints']).toEqual([`functions/${frameworkOf(fn.properties)}/handler.ts`]);
      },
    );

    it('is the same in all three functions apart from EntryPoints (Metadata cannot go in Globals)', () => {
      const withoutEntryPoints = functions.map((fn) => {
        const build = { ...mapAt(fn.metadata, 'BuildProperties') };
        delete build['EntryPoints'];
        return { ...fn.metadata, BuildProperties: build };
      });
      expect(withoutEntryPoints[1]).toEqual(withoutEntryPoints[0]);
      expect(withoutEntryPoints[2]).toEqual(withoutEntryPoints[0]);
    });

    it.each(functions.map((fn) => [fn.logicalId, fn] as const))(
      '%s: the entry point exists and its bundle is the file Handler names',
      (_id, fn) => {
        const [entryPoint] = mapAt(fn.metadata, 'BuildProperties')['EntryPoints'] as string[];
        expect(existsSync(join(REPO_ROOT, entryPoint as string))).toBe(true);
        // sam build writes <entry basename>.js at the artifact's root; Handler is <file>.<export>.
        const [handlerFile] = (globals['Handler'] as string).split('.');
        expect(basename(entryPoint as string, extname(entryPoint as string))).toBe(handlerFile);
      },
    );

    it.each(functions.map((fn) => [fn.logicalId, fn] as const))(
      '%s: the entry point exports `handler` made by createHandler with basePath /<framework>',
      (_id, fn) => {
        const [entryPoint] = mapAt(fn.metadata, 'BuildProperties')['EntryPoints'] as string[];
        const call = exportedHandlerCall(join(REPO_ROOT, entryPoint as string));
        expect(call.callee).toBe('createHandler');
        expect(call.options['basePath']).toBe(`/${frameworkOf(fn.properties)}`);
      },
    );
  });

  describe('the Outputs', () => {
    const outputs = mapAt(template, 'Outputs');
    const stageUrl = 'https://${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}/dev/';

    it('give APIGWEndpoint, the dev stage URL of the API', () => {
      expect(mapAt(outputs, 'APIGWEndpoint')['Value']).toEqual({ 'Fn::Sub': stageUrl });
      expect(resources['Api']).toBeDefined();
    });

    it.each([
      ['ExpressPingUrl', 'express'],
      ['KoaPingUrl', 'koa'],
      ['FastifyPingUrl', 'fastify'],
    ])('give %s, the /%s/ping URL', (name, framework) => {
      expect(mapAt(outputs, name)['Value']).toEqual({ 'Fn::Sub': `${stageUrl}${framework}/ping` });
    });
  });
});

/** Finds `export const handler = <callee>(app, { ...options })` in a handler file. */
function exportedHandlerCall(file: string): { callee: string; options: Record<string, unknown> } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const exported = statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
    for (const declaration of statement.declarationList.declarations) {
      if (!exported || !ts.isIdentifier(declaration.name) || declaration.name.text !== 'handler') continue;
      const call = declaration.initializer;
      if (!call || !ts.isCallExpression(call)) throw new Error(`${file}: handler is not a call`);
      const options: Record<string, unknown> = {};
      const literal = call.arguments[1];
      if (literal && ts.isObjectLiteralExpression(literal)) {
        for (const property of literal.properties) {
          if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && ts.isStringLiteral(property.initializer)) {
            options[property.name.text] = property.initializer.text;
          }
        }
      }
      return { callee: call.expression.getText(source), options };
    }
  }
  throw new Error(`${file} does not export a const named handler`);
}

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

const cfnLint = (process.env['PATH'] ?? '')
  .split(delimiter)
  .map((dir) => join(dir, 'cfn-lint'))
  .find((candidate) => existsSync(candidate));

describe('cfn-lint', () => {
  // cfn-lint is installed here and in CI; elsewhere the test says it did not run instead of passing.
  (cfnLint ? it : it.skip)('finds no errors and no warnings in template.yaml (it runs the real SAM transform)', async () => {
    const run = promisify(execFile);
    const { stdout, stderr } = await run(cfnLint as string, ['template.yaml'], { cwd: REPO_ROOT }).catch(
      (error: { stdout?: string; stderr?: string; code?: number }) => {
        throw new Error(`cfn-lint exited ${String(error.code)}:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
      },
    );
    expect(`${stdout}${stderr}`).toBe('');
  });
});
