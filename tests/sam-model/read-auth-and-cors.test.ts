import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTemplate, type SamTemplate } from '../../dev/sam-model/read-template';
import { AUTH_TEMPLATE } from '../local-api/start-test-api';

// How the template model reads Auth and Cors: what SAM would turn them into.
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'auth-model-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readApiTemplate(apiProperties: string[], eventAuth: string[] = []): Promise<SamTemplate> {
  const file = join(dir, `template-${Math.random().toString(36).slice(2)}.yaml`);
  const lines = [
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  Api:',
    '    Type: AWS::Serverless::Api',
    '    Properties:',
    '      StageName: dev',
    ...apiProperties.map((line) => `      ${line}`),
    '  Fn:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      Handler: a.handler',
    '      Events:',
    '        Get:',
    '          Type: Api',
    '          Properties: {RestApiId: !Ref Api, Path: /a, Method: GET' + (eventAuth.length ? `, ${eventAuth.join(', ')}` : '') + '}',
    '    Metadata: {BuildMethod: esbuild, BuildProperties: {EntryPoints: [a.ts]}}',
  ];
  await writeFile(file, lines.join('\n'));
  return readTemplate(file);
}

const TOKEN_AUTH = ['Auth:', '  DefaultAuthorizer: Tok', '  Authorizers:', '    Tok: {FunctionArn: !GetAtt Fn.Arn}'];

describe('reading Auth', () => {
  it('reads a TOKEN authorizer with its defaults: the Authorization header, a 300 s cache', async () => {
    const template = await readApiTemplate(TOKEN_AUTH);
    expect(template.routes[0]?.authorizer).toMatchObject({
      kind: 'lambda',
      name: 'Tok',
      functionId: 'Fn',
      payloadType: 'TOKEN',
      identity: { headers: ['Authorization'] },
      ttlSeconds: 300,
    });
  });

  it.each([
    ['NONE', undefined],
    ['AWS_IAM', { kind: 'unchecked', type: 'AWS_IAM' }],
  ])('a route with Auth.Authorizer: %s', async (name, expected) => {
    const template = await readApiTemplate(TOKEN_AUTH, [`Auth: {Authorizer: ${name}}`]);
    if (expected === undefined) expect(template.routes[0]?.authorizer).toBeUndefined();
    else expect(template.routes[0]?.authorizer).toMatchObject(expected);
  });

  it('refuses a route naming an authorizer the API does not declare', async () => {
    await expect(readApiTemplate(TOKEN_AUTH, ['Auth: {Authorizer: Missing}'])).rejects.toThrow('Missing');
  });

  it('guards the OPTIONS methods Cors adds with the DefaultAuthorizer unless AddDefaultAuthorizerToCorsPreflight is false', async () => {
    const guarded = await readApiTemplate([...TOKEN_AUTH, 'Cors: "\'*\'"']);
    expect(guarded.apis[0]?.preflightAuthorizer).toMatchObject({ name: 'Tok' });
    const open = await readApiTemplate([...TOKEN_AUTH, '  AddDefaultAuthorizerToCorsPreflight: false', 'Cors: "\'*\'"']);
    expect(open.apis[0]?.preflightAuthorizer).toBeUndefined();
  });
});

describe('reading Cors', () => {
  it("takes a REST API's Cors string as its AllowOrigin, quotes off", async () => {
    const template = await readApiTemplate(['Cors: "\'https://a.example\'"']);
    expect(template.apis[0]?.cors).toEqual({
      allowOrigin: 'https://a.example',
      allowMethods: undefined,
      allowHeaders: undefined,
      maxAge: undefined,
      allowCredentials: false,
    });
  });

  it("reads an HTTP API's CorsConfiguration", () => {
    const template = readTemplate(AUTH_TEMPLATE);
    expect(template.httpApis[0]?.cors).toEqual({
      allowOrigins: ['https://app.example'],
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['authorization'],
      exposeHeaders: ['x-order-id'],
      maxAge: 300,
      allowCredentials: false,
    });
  });
});

describe('a template mistake in Auth', () => {
  it('says which ValidationExpression does not compile when the template is read', async () => {
    const auth = ['Auth:', '  Authorizers:', "    Tok: {FunctionArn: !GetAtt Fn.Arn, Identity: {ValidationExpression: '[unclosed'}}"];
    await expect(readApiTemplate(auth)).rejects.toThrow('Tok.Identity.ValidationExpression is not a regular expression');
  });
});
