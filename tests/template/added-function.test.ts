import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildArtifact } from '../../dev/sam-build/build-artifact';
import { sampleEvents } from '../../dev/sample-events/sample-events';
import { appNameOf } from '../../dev/sam-model/frameworks';
import { readTemplate, type TemplateFunction } from '../../dev/sam-model/read-template';
import { bundleRunner, invokeArtifact } from '../artifact/invoke-artifact';
import { expectEntryPointIsHandler, expectEsbuildMetadata, expectOwnLogGroup, expectRoute, urlOutputOf } from './function-conventions';

/*
 * Adding a function is what the README shows: an app under functions/, a resource, a log group
 * and an output in template.yaml. Done here to a copy of the project, it must need no change to
 * the model or the tests: the copy is read, checked and built as the real template is.
 */

const REPO_ROOT = join(__dirname, '..', '..');
const project = mkdtempSync(join(tmpdir(), 'added-function-'));

// The real ExpressFunction's resource, its log group and output, renamed: what a maintainer would copy.
function withExtraFunction(text: string): string {
  const resource = /^ {2}ExpressFunction:\n(?: {4}.*\n|\n)+/m.exec(text)?.[0];
  const logGroup = /^ {2}ExpressLogGroup:\n(?: {4}.*\n)+/m.exec(text)?.[0];
  const output = /^ {2}ExpressPingUrl:\n(?: {4}.*\n)+/m.exec(text)?.[0];
  if (!resource || !logGroup || !output) throw new Error('template.yaml no longer has the ExpressFunction blocks this test copies');
  const rename = (block: string) => block.replaceAll('Express', 'Extra').replaceAll('express', 'extra');
  return text.replace(/^Outputs:\n/m, `${rename(resource.trimEnd())}\n\n${rename(logGroup)}\nOutputs:\n`).concat(rename(output));
}

beforeAll(() => {
  for (const entry of ['shared', 'functions', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    cpSync(join(REPO_ROOT, entry), join(project, entry), { recursive: true });
  }
  writeFileSync(join(project, 'template.yaml'), withExtraFunction(readFileSync(join(REPO_ROOT, 'template.yaml'), 'utf8')));
  mkdirSync(join(project, 'functions', 'extra'));
  writeFileSync(
    join(project, 'functions', 'extra', 'app.ts'),
    `import type { IncomingMessage, ServerResponse } from 'node:http';
export function createApp() {
  return (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(req.url === '/ping' ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ from: 'extra', message: 'pong' }));
  };
}
`,
  );
  writeFileSync(
    join(project, 'functions', 'extra', 'handler.ts'),
    `import { createHandler } from '../../shared';
import { createApp } from './app';

export const handler = createHandler(createApp(), { basePath: '/extra' });
`,
  );
});

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

describe('a fourth function added to a copy of template.yaml', () => {
  const read = () => readTemplate(join(project, 'template.yaml'));
  const extraOf = (functions: TemplateFunction[]) => functions.find((fn) => fn.logicalId === 'ExtraFunction');

  it('is read by the model with Globals merged, beside the three', () => {
    const template = read();
    expect(template.functions.filter((fn) => !fn.responseStreaming).map(appNameOf)).toEqual(['express', 'koa', 'fastify', 'extra']);
    expect(extraOf(template.functions)).toMatchObject({
      runtime: 'nodejs24.x',
      handler: 'handler.handler',
      codeDir: project,
      timeoutSeconds: 10,
    });
    expect(template.routes.map((route) => route.path)).toContain('/extra/{proxy+}');
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
    const extra = extraOf(template.functions);
    if (!extra) throw new Error('no ExtraFunction');
    const ping = sampleEvents(template).filter((event) => event.functionId === 'ExtraFunction');
    expect(ping.map((event) => event.file)).toEqual(['extra-ping.json']);
    const outRoot = join(project, '.aws-sam');
    await buildArtifact(extra, join(outRoot, 'ExtraFunction'));
    const report = await invokeArtifact(await bundleRunner(outRoot), extra, join(outRoot, 'ExtraFunction'), ping, []);
    const result = report.invocations[0]?.result;
    expect(result?.['statusCode']).toBe(200);
    expect(JSON.parse(String(result?.['body']))).toEqual({ from: 'extra', message: 'pong' });
  });
});
