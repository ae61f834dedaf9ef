import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type LambdaHandler = (event: unknown, context: unknown) => unknown;

/** An error named as Lambda's Node.js runtime names it (`Runtime.ImportModuleError`...). */
export class RuntimeError extends Error {
  constructor(type: 'Runtime.ImportModuleError' | 'Runtime.HandlerNotFound' | 'Runtime.MalformedHandlerName', message: string) {
    super(message);
    this.name = type;
  }
}

// The runtime looks for the handler's module as .js, .mjs, then .cjs.
const MODULE_EXTENSIONS = ['.js', '.mjs', '.cjs'];

/**
 * Loads a function's handler from its `Handler` string as Lambda's Node.js runtime does:
 * `dir/file.export` names `dir/file.{js,mjs,cjs}` under the artifact, and the export may be
 * nested (`file.a.b`). An `.mjs` module is imported; the others are required.
 */
export async function loadHandler(artifactDir: string, handler: string): Promise<LambdaHandler> {
  const lastSlash = handler.lastIndexOf('/');
  const firstDot = handler.indexOf('.', lastSlash + 1);
  if (firstDot < 0) throw new RuntimeError('Runtime.MalformedHandlerName', `Bad handler ${handler}`);
  const moduleName = handler.slice(0, firstDot);
  const exportPath = handler.slice(firstDot + 1).split('.');
  const file = MODULE_EXTENSIONS.map((ext) => join(artifactDir, moduleName + ext)).find((candidate) => existsSync(candidate));
  if (!file) throw new RuntimeError('Runtime.ImportModuleError', `Error: Cannot find module '${moduleName}'`);
  const loaded: unknown = file.endsWith('.mjs') ? await import(pathToFileURL(file).href) : createRequire(file)(file);
  let found: unknown = loaded;
  for (const key of exportPath) found = found !== null && typeof found === 'object' ? (found as Record<string, unknown>)[key] : undefined;
  if (typeof found !== 'function') throw new RuntimeError('Runtime.HandlerNotFound', `${handler} is undefined or not exported`);
  return found as LambdaHandler;
}
