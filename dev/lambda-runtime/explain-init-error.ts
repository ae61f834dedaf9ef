import { readdirSync } from 'node:fs';
import type { TemplateFunction } from '../sam-model/read-template';
import type { ErrorReport } from './instance/instance-messages';

// The extensions the runtime tries after the name as it is (load-handler.ts).
const MODULE_EXTENSIONS = ['', '.js', '.mjs', '.cjs'];

/** `src/app.handler` names the module `src/app` and its export `handler`. */
function splitHandler(handler: string): { modulePath: string; exportPath: string } {
  const slash = handler.lastIndexOf('/');
  const dot = handler.indexOf('.', slash + 1);
  return dot < 0 ? { modulePath: handler, exportPath: '' } : { modulePath: handler.slice(0, dot), exportPath: handler.slice(dot + 1) };
}

// The JavaScript files the build made, relative to its root: what a Handler can name.
function builtModules(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(c|m)?js$/.test(file) && !file.split(/[\\/]/).includes('node_modules'))
      .map((file) => file.replaceAll('\\', '/'))
      .sort();
  } catch {
    return [];
  }
}

/**
 * An init error as the runtime reports it, with what the runtime leaves out: which function, its
 * Handler, and what was looked for where ("Cannot find module 'app'" names neither the function
 * nor the folder, and a Handler that does not match the build's EntryPoints is the usual cause).
 */
export function explainInitError(fn: Pick<TemplateFunction, 'logicalId' | 'handler'>, artifactDir: string, error: ErrorReport): string {
  const reported = `${error.errorType}: ${error.errorMessage}`;
  const { modulePath, exportPath } = splitHandler(fn.handler);
  if (error.errorType === 'Runtime.ImportModuleError') {
    const built = builtModules(artifactDir);
    const lookedFor = MODULE_EXTENSIONS.map((extension) => `${modulePath}${extension}`).join(', ');
    return (
      `${fn.logicalId}: its Handler "${fn.handler}" names the module ${modulePath}, but the build has none of ${lookedFor} ` +
      `(it has ${built.length > 0 ? built.join(', ') : 'no JavaScript file'}); check Handler against Metadata.BuildProperties.EntryPoints. ${reported}`
    );
  }
  if (error.errorType === 'Runtime.HandlerNotFound') {
    return `${fn.logicalId}: its Handler "${fn.handler}" names the export ${exportPath} of ${modulePath}, which the built module does not have as a function. ${reported}`;
  }
  return reported;
}
