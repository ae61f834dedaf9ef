import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildArtifact } from '../../dev/sam-build/build-artifact';
import { sampleEvents } from '../../dev/sample-events/sample-events';
import { appNameOf } from '../../dev/sam-model/frameworks';
import { readTemplate, type TemplateFunction } from '../../dev/sam-model/read-template';
import { UNIX_DATE_PATTERN } from '../../functions/format-unix-date';
import { bundleRunner, invokeArtifact } from '../artifact/invoke-artifact';
import { expectEntryPointIsHandler, expectEsbuildMetadata, expectOwnLogGroup, expectRoute, urlOutputOf } from './function-conventions';

/*
 * Adding a function is what the README shows: a copy of an existing app under a new name with its
 * own route prefix, a resource, a log group and an output in template.yaml. Done here to a copy of
 * the project, under a name no test has seen (a new one each run), it must need no change to the
 * model or the tests: the copy is read, checked and built as the real template is.
 */

const REPO_ROOT = join(__dirname, '..', '..');
const project = mkdtempSync(join(tmpdir(), 'added-function-'));
// `fn` and six letters: a route prefix, a folder and, capitalized, a logical id.
const name = `fn${randomBytes(6)
  .toString('hex')
  .replace(/[0-9]/g, (digit) => String.fromCharCode(103 + Number(digit)))}`;
const Name = `${name[0]?.toUpperCase()}${name.slice(1)}`;
const functionId = `${Name}Function`;
const sampleApps = readTemplate(join(REPO_ROOT, 'template.yaml'))
  .functions.filter((fn) => !fn.responseStreaming)
  .map(appNameOf);

// The real ExpressFunction's resource, its log group and output, renamed: what a maintainer would copy.
function withAddedFunction(text: string): string {
  const resource = /^ {2}ExpressFunction:\n(?: {4}.*\n|\n)+/m.exec(text)?.[0];
  const logGroup = /^ {2}ExpressLogGroup:\n(?: {4}.*\n)+/m.exec(text)?.[0];
  const output = /^ {2}ExpressPingUrl:\n(?: {4}.*\n)+/m.exec(text)?.[0];
  if (!resource || !logGroup || !output) throw new Error('template.yaml no longer has the ExpressFunction blocks this test copies');
  const rename = (block: string) => block.replaceAll('Express', Name).replaceAll('express', name);
  return text.replace(/^Outputs:\n/m, `${rename(resource.trimEnd())}\n\n${rename(logGroup)}\nOutputs:\n`).concat(rename(output));
}

beforeAll(() => {
  for (const entry of ['shared', 'functions', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    cpSync(join(REPO_ROOT, entry), join(project, entry), { recursive: true });
  }
  writeFileSync(join(project, 'template.yaml'), withAddedFunction(readFileSync(join(REPO_ROOT, 'template.yaml'), 'utf8')));
  // README step 1: the Express app copied, saying its own name, and its handler with its own base path.
  const source = join(REPO_ROOT, 'functions', 'express');
  mkdirSync(join(project, 'functions', name));
  writeFileSync(
    join(project, 'functions', name, 'app.ts'),
    readFileSync(join(source, 'app.ts'), 'utf8').replaceAll("from: 'express'", `from: '${name}'`),
  );
  writeFileSync(
    join(project, 'functions', name, 'handler.ts'),
    readFileSync(join(source, 'handler.ts'), 'utf8').replace("basePath: '/express'", `basePath: '/${name}'`),
  );
});

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

describe('a function added to a copy of the project as README says, under a name never seen', () => {
  const read = () => readTemplate(join(project, 'template.yaml'));
  const addedOf = (functions: TemplateFunction[]) => functions.find((fn) => fn.logicalId === functionId);

  it("is read by the model with Globals merged, after the sample's own", () => {
    const template = read();
    expect(template.functions.filter((fn) => !fn.responseStreaming).map(appNameOf)).toEqual([...sampleApps, name]);
    expect(addedOf(template.functions)).toMatchObject({
      runtime: 'nodejs24.x',
      handler: 'handler.handler',
      codeDir: project,
      timeoutSeconds: 10,
    });
    expect(template.routes.map((route) => route.path)).toContain(`/${name}/{proxy+}`);
    expect(template.warnings).toEqual([]);
  });

  it("meets every function's conventions, as the template tests check them", () => {
    const template = read();
    for (const fn of template.functions) {
      expectOwnLogGroup(template, fn);
      expectRoute(template, fn);
      expectEsbuildMetadata(fn);
      expectEntryPointIsHandler(fn);
      const { name, path } = urlOutputOf(fn);
      expect(template.outputs[name]).toMatch(new RegExp(`/dev${path}$`));
    }
  });

  it('gets a ping sample event, and its artifact built as sam build does answers it', async () => {
    const template = read();
    const added = addedOf(template.functions);
    if (!added) throw new Error(`no ${functionId}`);
    const ping = sampleEvents(template).filter((event) => event.functionId === functionId);
    expect(ping.map((event) => event.file)).toEqual([`${name}-ping.json`]);
    const outRoot = join(project, '.aws-sam');
    await buildArtifact(added, join(outRoot, functionId));
    const report = await invokeArtifact(await bundleRunner(outRoot), added, join(outRoot, functionId), ping, []);
    const result = report.invocations[0]?.result;
    expect(result?.['statusCode']).toBe(200);
    expect(JSON.parse(String(result?.['body']))).toEqual({ from: name, message: expect.stringMatching(UNIX_DATE_PATTERN) });
  });
});
