import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import ts from 'typescript';
import { appNameOf } from '../../dev/sam-model/frameworks';
import { readFields } from '../../dev/sam-model/read-fields';
import type { SamTemplate, TemplateFunction } from '../../dev/sam-model/read-template';

/*
 * What every function of this repository's template must be, whatever its app: the template
 * tests check it for each function template.yaml declares, and for a function added to a copy.
 */

/** Finds `export const handler = <callee>(app, { ...options })` in a handler file. */
export function exportedHandlerCall(file: string): { callee: string; options: Record<string, unknown> } {
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

/** The function's resource as written (before Globals), for what must be left to Globals. */
export function writtenProperties(template: SamTemplate, fn: TemplateFunction) {
  return readFields(template.document['Resources'], 'Resources').map(fn.logicalId).map('Properties');
}

export function expectOwnLogGroup(template: SamTemplate, fn: TemplateFunction): void {
  expect(fn.logging?.logFormat).toBe('JSON');
  const logGroupId = fn.logging?.logGroup ?? '';
  const resources = readFields(template.document['Resources'], 'Resources');
  const logGroup = resources.map(logGroupId);
  expect(logGroup.string('Type')).toBe('AWS::Logs::LogGroup');
  const retention = logGroup.map('Properties').map('RetentionInDays');
  const parameter = readFields(template.document['Parameters'], 'Parameters').map(retention.string('Ref'));
  expect(parameter.optionalNumber('Default')).toEqual(expect.any(Number));
}

/**
 * A buffered function serves `ANY /<app>/{proxy+}`; a streaming one `GET /<app>/stream` through a
 * STREAM integration (a function has one handler and one response mode, so each app has both).
 */
export function expectRoute(template: SamTemplate, fn: TemplateFunction): void {
  const app = appNameOf(fn);
  const name = fn.responseStreaming ? 'Stream' : 'Proxy';
  expect(fn.events.map((event) => [event.name, event.type])).toEqual([[name, 'Api']]);
  expect(writtenProperties(template, fn).map('Events').map(name).map('Properties').raw).toEqual(
    fn.responseStreaming
      ? {
          RestApiId: { Ref: 'Api' },
          Path: `/${app}/stream`,
          Method: 'GET',
          ResponseTransferMode: 'RESPONSE_STREAM',
          // The function's Timeout plus 5 s: API Gateway would otherwise cut the stream at 29 s.
          TimeoutInMillis: fn.timeoutSeconds * 1000 + 5000,
        }
      : { RestApiId: { Ref: 'Api' }, Path: `/${app}/{proxy+}`, Method: 'ANY' },
  );
  expect(fn.logicalId.toLowerCase()).toBe(fn.responseStreaming ? `${app}streamfunction` : `${app}function`);
}

/** `functions/<app>/handler.ts`, or `stream-handler.ts` for the app's streaming function. */
export function entryPointOf(fn: TemplateFunction): string {
  return `functions/${appNameOf(fn)}/${fn.responseStreaming ? 'stream-handler' : 'handler'}.ts`;
}

export function expectEsbuildMetadata(fn: TemplateFunction): void {
  // ESM bundles of these frameworks crash on their dynamic require calls.
  expect(fn.build.Format).toBe('cjs');
  expect(fn.build.Minify).toBe(true);
  expect(fn.build.Target).toEqual(expect.stringMatching(/^(?:node\d+|es20\d\d)$/));
  expect(typeof fn.build.Sourcemap).toBe('boolean');
  expect(fn.build.EntryPoints).toEqual([entryPointOf(fn)]);
}

export function expectEntryPointIsHandler(fn: TemplateFunction): void {
  const [entryPoint = ''] = fn.build.EntryPoints;
  expect(existsSync(join(fn.codeDir, entryPoint))).toBe(true);
  // sam build writes <entry basename>.js at the artifact's root; Handler is <file>.<export>.
  const [handlerFile] = fn.handler.split('.');
  expect(basename(entryPoint, extname(entryPoint))).toBe(handlerFile);
  const call = exportedHandlerCall(join(fn.codeDir, entryPoint));
  expect(call.callee).toBe(fn.responseStreaming ? 'createStreamHandler' : 'createHandler');
  expect(call.options['basePath']).toBe(`/${appNameOf(fn)}`);
}

/** The output giving the function's URL: `ExpressPingUrl` (`/express/ping`), or `ExpressStreamUrl` (`/express/stream`). */
export function urlOutputOf(fn: TemplateFunction): { name: string; path: string } {
  const app = appNameOf(fn);
  const route = fn.responseStreaming ? 'stream' : 'ping';
  return { name: `${app.charAt(0).toUpperCase()}${app.slice(1)}${fn.responseStreaming ? 'Stream' : 'Ping'}Url`, path: `/${app}/${route}` };
}
