import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HandlerNotFoundError, ImportModuleError, MalformedHandlerNameError, UserCodeSyntaxError } from './runtime-errors';

export type LambdaHandler = (event: unknown, context: unknown) => unknown;

// The runtime tries the module name as written, then with each extension, in this order.
const MODULE_EXTENSIONS = ['', '.js', '.mjs', '.cjs'];

interface HandlerName {
  /** The directory part (`src/api` of `src/api/app.handler`), without a trailing slash. */
  moduleRoot: string;
  moduleName: string;
  /** The export path, dot-separated (`routes.main`). */
  exportPath: string;
}

/** Splits a `Handler` string as the runtime does: the last path segment's first dot ends the module name. */
function parseHandlerName(handler: string): HandlerName {
  if (handler.includes('..')) {
    throw new MalformedHandlerNameError(
      `'${handler}' is not a valid handler name. Use absolute paths when specifying root directories in handler names.`,
    );
  }
  const name = basename(handler);
  const match = /^([^.]*)\.(.*)$/.exec(name);
  if (!match) throw new MalformedHandlerNameError('Bad handler');
  return { moduleRoot: handler.slice(0, handler.indexOf(name)).replace(/\/$/, ''), moduleName: match[1] ?? '', exportPath: match[2] ?? '' };
}

async function importModule(taskRoot: string, { moduleRoot, moduleName }: HandlerName): Promise<unknown> {
  const withoutExtension = resolve(taskRoot, moduleRoot, moduleName);
  try {
    for (const extension of MODULE_EXTENSIONS) {
      const file = withoutExtension + extension;
      // The runtime imports every file, CommonJS ones too: their exports arrive as named exports and `default`.
      if (existsSync(file)) return (await import(pathToFileURL(file).href)) as unknown;
    }
    // Last, a package of that name under the task root (its node_modules).
    const requireFromRoot = createRequire(join(taskRoot, 'index.js'));
    return requireFromRoot(requireFromRoot.resolve(moduleName, { paths: [taskRoot, join(taskRoot, moduleRoot)] })) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) throw new UserCodeSyntaxError(error);
    if (error instanceof Error && (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') throw new ImportModuleError(error);
    throw error;
  }
}

function findExport(exportPath: string, module: unknown): unknown {
  return exportPath
    .split('.')
    .reduce<unknown>(
      (found, key) => (found !== null && typeof found === 'object' ? (found as Record<string, unknown>)[key] : undefined),
      module,
    );
}

/**
 * Loads a function's handler from its `Handler` string as nodejs24.x's runtime does:
 * `dir/file.export` names `dir/file` (as is, then .js, .mjs, .cjs) under the task root, the export
 * may be nested (`file.a.b`) and is looked up on an ES module's default export when not found
 * first. Failures carry the runtime's error names (`Runtime.ImportModuleError`...); an error the
 * module itself throws while loading keeps its own.
 */
export async function loadHandler(taskRoot: string, handler: string): Promise<LambdaHandler> {
  const name = parseHandlerName(handler);
  const module = await importModule(taskRoot, name);
  let found = findExport(name.exportPath, module);
  if (!found && module !== null && typeof module === 'object' && 'default' in module) {
    found = findExport(name.exportPath, (module as { default: unknown }).default);
  }
  if (!found) throw new HandlerNotFoundError(`${handler} is undefined or not exported`);
  if (typeof found !== 'function') throw new HandlerNotFoundError(`${handler} is not a function`);
  return found as LambdaHandler;
}
