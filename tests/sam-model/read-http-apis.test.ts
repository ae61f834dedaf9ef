import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTemplate } from '../../dev/sam-model/read-template';
import { SOURCES_TEMPLATE } from '../local-api/start-test-api';

describe('reading HttpApi events and HTTP APIs', () => {
  const template = readTemplate(SOURCES_TEMPLATE);
  const routeOf = (eventName: string) => template.httpRoutes.find((route) => route.eventName === eventName);

  it('reads every HttpApi event as a route, methods upper case, without warnings', () => {
    expect(template.httpRoutes.map((route) => `${route.method} ${route.path} ${route.functionId}`)).toEqual(
      expect.arrayContaining(['GET /pets/dog/{id} HttpFunction', 'ANY /{proxy+} HttpFunction', 'GET /hello/{name} StagedFunction']),
    );
    expect(template.warnings).toEqual([]);
  });

  it('an event with neither Path nor Method is the $default route', () => {
    expect(routeOf('CatchAll')).toMatchObject({ method: 'ANY', path: '$default' });
  });

  it("reads PayloadFormatVersion ('2.0' unless the event says '1.0') and TimeoutInMillis", () => {
    expect(routeOf('Exact')).toMatchObject({ payloadFormatVersion: '2.0', timeoutMs: undefined });
    expect(routeOf('Legacy')).toMatchObject({ payloadFormatVersion: '1.0' });
    expect(routeOf('Slow')).toMatchObject({ timeoutMs: 300 });
  });

  it('puts events without ApiId on ServerlessHttpApi ($default stage) and merges Globals.HttpApi into both APIs', () => {
    expect(template.httpApis).toEqual(
      expect.arrayContaining([
        { logicalId: 'ServerlessHttpApi', stageName: '$default', stageVariables: { shared: 'from-globals' } },
        { logicalId: 'StagedApi', stageName: 'beta', stageVariables: { shared: 'from-globals', color: 'green' } },
      ]),
    );
    expect(routeOf('Hello')?.api.logicalId).toBe('StagedApi');
    expect(routeOf('Exact')?.api.logicalId).toBe('ServerlessHttpApi');
  });

  it('reads FunctionUrlConfig with its InvokeMode', () => {
    const urls = template.functions.filter((fn) => fn.functionUrl).map((fn) => [fn.logicalId, fn.functionUrl]);
    expect(urls).toEqual([
      ['UrlFunction', { authType: 'NONE', invokeMode: undefined }],
      ['StreamFunction', { authType: 'NONE', invokeMode: 'RESPONSE_STREAM' }],
    ]);
  });

  it('leaves out, with a warning, a route whose ApiId is no HttpApi of the template', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'http-apis-'));
    try {
      const file = join(dir, 'template.yaml');
      await writeFile(
        file,
        [
          'Transform: AWS::Serverless-2016-10-31',
          'Resources:',
          '  Fn:',
          '    Type: AWS::Serverless::Function',
          '    Properties:',
          '      Handler: a.handler',
          '      Events:',
          '        Lost:',
          '          Type: HttpApi',
          '          Properties: { ApiId: Elsewhere, Path: /x, Method: GET }',
          '    Metadata: { BuildMethod: esbuild, BuildProperties: { EntryPoints: [a.ts] } }',
        ].join('\n'),
      );
      const read = readTemplate(file);
      expect(read.httpRoutes).toEqual([]);
      expect(read.httpApis).toEqual([]);
      expect(read.warnings).toEqual([expect.stringContaining('ApiId names Elsewhere')]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
