import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { overrideEnvironment } from '../../dev/lambda-runtime/override-environment';
import type { EnvVarsFile } from '../../dev/lambda-runtime/read-env-vars-file';
import { readTemplate, type SamTemplate } from '../../dev/sam-model/read-template';

// The env vars file's rules on a template whose variables a local run cannot all resolve.
const TEMPLATE = `
Transform: AWS::Serverless-2016-10-31
Resources:
  TableFunction:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: table-reader
      Handler: index.handler
      Environment:
        Variables:
          TABLE: !ImportValue shared-table
          STAGE: dev
    Metadata:
      BuildMethod: esbuild
      BuildProperties:
        EntryPoints: [index.ts]
`;

let workDir: string;
let template: SamTemplate;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'override-environment-'));
  await writeFile(join(workDir, 'template.yaml'), TEMPLATE);
  template = readTemplate(join(workDir, 'template.yaml'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

const file = (byFunction: EnvVarsFile['byFunction'], everyFunction: EnvVarsFile['everyFunction'] = {}): EnvVarsFile => ({
  name: 'env.json',
  everyFunction,
  byFunction,
});

describe('overriding the environment', () => {
  it('without a file, leaves an unresolvable variable unset and says how to give it a value', () => {
    const served = overrideEnvironment(template, undefined);
    expect(served.functions[0]?.environment).toEqual({ STAGE: 'dev' });
    expect(served.warnings).toEqual([
      'TableFunction.Environment.Variables.TABLE cannot be resolved locally; it is left unset unless --env-vars gives it a value',
    ]);
  });

  it('gives an unresolvable variable the value the file has for it, without a warning', () => {
    const served = overrideEnvironment(template, file({ TableFunction: { TABLE: 'local-table' } }));
    expect(served.functions[0]?.environment).toEqual({ STAGE: 'dev', TABLE: 'local-table' });
    expect(served.warnings).toEqual([]);
  });

  it('finds a section by FunctionName when none has the logical id, the logical id winning when both do', () => {
    const byName = overrideEnvironment(template, file({ 'table-reader': { STAGE: 'by-name' } }));
    expect(byName.functions[0]?.environment['STAGE']).toBe('by-name');
    const both = overrideEnvironment(template, file({ 'table-reader': { STAGE: 'by-name' }, TableFunction: { STAGE: 'by-id' } }));
    expect(both.functions[0]?.environment['STAGE']).toBe('by-id');
  });

  it('treats variables named like Object.prototype members as plain names', () => {
    const served = overrideEnvironment(template, file({ TableFunction: { constructor: 'x' } }, { toString: 'y' }));
    expect(served.functions[0]?.environment).toEqual({ STAGE: 'dev' });
  });

  it('does not change the template it was given', () => {
    const before = JSON.stringify(template);
    overrideEnvironment(template, file({ TableFunction: { TABLE: 't', STAGE: 's' } }));
    expect(JSON.stringify(template)).toBe(before);
  });
});
