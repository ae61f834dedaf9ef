import { resolve } from 'node:path';
import { deriveEsbuildOptions } from '../../dev/sam-build/derive-esbuild-options';
import { parseCloudFormation } from '../../dev/sam-model/parse-cloudformation';
import { readTemplate } from '../../dev/sam-model/read-template';
import { resolveIntrinsics } from '../../dev/sam-model/resolve-intrinsics';
import { FRAMEWORKS, appNameOf } from '../../dev/sam-model/frameworks';
import { FIXTURE_TEMPLATE, REAL_TEMPLATE } from '../local-api/start-test-api';

describe('reading template.yaml', () => {
  const template = readTemplate(REAL_TEMPLATE);

  it('finds every function with Globals merged in, a streaming one with its own Handler and Timeout', () => {
    expect(template.functions.map(appNameOf)).toEqual(expect.arrayContaining([...FRAMEWORKS]));
    for (const fn of template.functions) {
      expect(fn).toMatchObject({
        runtime: 'nodejs24.x',
        handler: fn.responseStreaming ? 'stream-handler.handler' : 'handler.handler',
        codeDir: resolve(REAL_TEMPLATE, '..'),
        timeoutSeconds: fn.responseStreaming ? 240 : 10,
        memorySize: 512,
        environment: { NODE_ENV: 'production' },
      });
    }
    expect(template.warnings).toEqual([]);
  });

  it('routes ANY /<framework>/{proxy+}, or GET /<framework>/stream to a streaming function, on the dev stage, every media type binary', () => {
    expect(template.routes.map((route) => `${route.method} ${route.path} ${route.functionId}`)).toEqual(
      template.functions.map((fn) =>
        fn.responseStreaming ? `GET /${appNameOf(fn)}/stream ${fn.logicalId}` : `ANY /${appNameOf(fn)}/{proxy+} ${fn.logicalId}`,
      ),
    );
    expect(template.functions.filter((fn) => fn.responseStreaming).map(appNameOf)).toEqual(expect.arrayContaining([...FRAMEWORKS]));
    for (const route of template.routes) expect(route.api).toMatchObject({ stageName: 'dev', binaryMediaTypes: ['*/*'] });
  });

  it('builds each function with the flags sam build derives from its BuildProperties', () => {
    const express = template.functions.find((fn) => appNameOf(fn) === 'express');
    if (!express) throw new Error('no function');
    expect(deriveEsbuildOptions(express.build, express.codeDir, '/out')).toEqual({
      absWorkingDir: express.codeDir,
      entryPoints: ['functions/express/handler.ts'],
      bundle: true,
      platform: 'node',
      outdir: '/out',
      target: ['node24'],
      format: 'cjs',
      minify: true,
      sourcemap: false,
      external: ['supports-color'],
    });
  });
});

describe('reading the fixture template', () => {
  const template = readTemplate(FIXTURE_TEMPLATE);
  const byId = new Map(template.functions.map((fn) => [fn.logicalId, fn]));

  it('lets function properties override Globals and merges environment variables key by key', () => {
    expect(byId.get('EchoFunction')).toMatchObject({
      timeoutSeconds: 5,
      memorySize: 1024,
      environment: { SHARED: 'from-globals', OVERRIDDEN: 'from-function', GREETING: 'hello from xx-local-1' },
    });
    expect(byId.get('MisbehaveFunction')).toMatchObject({ timeoutSeconds: 1, memorySize: 256 });
  });

  it('takes the stage name from a !Ref to a parameter and decodes ~1 in BinaryMediaTypes', () => {
    expect(template.routes[0]?.api).toEqual({
      logicalId: 'Api',
      stageName: 'test',
      binaryMediaTypes: ['image/png', 'application/octet-stream'],
      stageVariables: { color: 'blue' },
    });
  });

  it("applies sam build's defaults where BuildProperties are silent: es2020 target, cjs, minified", () => {
    const misbehave = byId.get('MisbehaveFunction');
    if (!misbehave) throw new Error('no function');
    expect(deriveEsbuildOptions({ EntryPoints: ['misbehave'] }, misbehave.codeDir, '/out')).toMatchObject({
      entryPoints: ['misbehave.ts'], // found with its extension, as sam build does
      target: ['es2020'],
      format: 'cjs',
      minify: true,
    });
  });
});

describe('CloudFormation tags', () => {
  const scope = { parameters: { Name: 'web', Port: 8080 }, resources: new Set(['Api']), mappings: { Env: { dev: { Size: 'small' } } } };

  it.each([
    ['!Ref Name', 'web'],
    ['!Ref Api', 'Api'],
    ['!Sub "${Name}-${AWS::Region}:${Port} ${!Literal}"', 'web-xx-local-1:8080 ${Literal}'],
    ['!Sub ["${A}/${Api.Arn}", { A: !Ref Name }]', 'web/Api.Arn'],
    ['!GetAtt Api.RootResourceId', 'Api.RootResourceId'],
    ['!Join [",", [a, !Ref Name]]', 'a,web'],
    ['!Select [1, !Split [",", "a,b,c"]]', 'b'],
    ['!FindInMap [Env, dev, Size]', 'small'],
    ['!Base64 hi', 'aGk='],
    ['!ImportValue Other', undefined],
  ])('%s resolves to %j', (source, expected) => {
    expect(resolveIntrinsics(parseCloudFormation(`value: ${source}`), scope)).toEqual({ value: expected });
  });
});
