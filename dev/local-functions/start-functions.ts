import { basename, resolve } from 'node:path';
import { buildRuntime } from '../lambda-runtime/build-runtime';
import type { Logger } from '../console/logger';
import { openInspector, type InspectTarget } from './open-inspector';
import { overrideEnvironment } from '../lambda-runtime/override-environment';
import { readEnvVarsFile } from '../lambda-runtime/read-env-vars-file';
import { describeNodeMismatch } from '../lambda-runtime/describe-node-mismatch';
import { readTemplate, type SamTemplate } from '../sam-model/read-template';
import { serveFunctions, type ServedFunction } from './serve-functions';
import { watchTemplate } from './watch-template';

/** What every command that runs the template's functions takes: the flags of function-flags.ts. */
export interface FunctionsOptions {
  templatePath: string;
  /** Instances per function at most; further concurrent invocations wait. */
  maxInstances?: number;
  /** Up to N overlapping invocations per instance for every function, as on Lambda Managed Instances. */
  concurrencyPerInstance?: number;
  /** Values for the template's parameters instead of their defaults (`--parameter-overrides`). */
  parameterOverrides?: Readonly<Record<string, string>>;
  /** A `sam local --env-vars` file; re-read, like the template, whenever it changes. */
  envVarsPath?: string;
  /** Opens the Node.js inspector so a debugger can attach to the functions (`--inspect`). */
  inspect?: InspectTarget;
  /** `--warm-containers`: EAGER starts an instance of every function at start (and after a change); LAZY on first use. */
  warmContainers?: 'EAGER' | 'LAZY';
}

export interface StartSetup {
  /** Where bundles go: one folder per command, so that two commands running at once never share one. */
  buildDir: string;
  logger: Logger;
  /** Serve only these functions (a one-off invoke builds just the one it runs); all when undefined. */
  only?: (template: SamTemplate) => SamTemplate;
  /** Re-read the template and the env vars file when they change (a server does; a one-off invoke does not). */
  watch: boolean;
  /** Runs once the template is read and before anything is built: a server checks its ports here. */
  beforeBuild?: (template: SamTemplate) => Promise<void>;
}

/** Told after a reload has replaced the functions: the command's own part (its routes...), and what else changed. */
export type ReplacedListener = (next: SamTemplate) => Promise<{ changes: string[]; notes: string[] }>;

/** The functions of a template, running, and following it as it changes. */
export interface StartedFunctions {
  readonly functions: ReadonlyMap<string, ServedFunction>;
  /** The template as served now. */
  template(): SamTemplate;
  runtimes(): string[];
  /** A debugger may attach: no timeouts. */
  debugging: boolean;
  /** Where a debugger connects (`ws://...`), when the inspector is open. */
  inspectorUrl: string | undefined;
  /** A command that serves more than the functions (routes, ports) follows reloads here. */
  onReplaced(listener: ReplacedListener): void;
  close(): Promise<void>;
}

const DEFAULT_MAX_INSTANCES = 4;

/** Reads the template (parameters overridden, env vars applied), builds its functions, and watches both files. */
export async function startFunctions(options: FunctionsOptions, setup: StartSetup): Promise<StartedFunctions> {
  const { logger } = setup;
  const templatePath = resolve(options.templatePath);
  const envVarsPath = options.envVarsPath === undefined ? undefined : resolve(options.envVarsPath);
  const only = setup.only ?? ((template: SamTemplate) => template);
  // The template as served: its parameters overridden, then its functions' variables from the env vars file.
  const loadTemplate = (): SamTemplate =>
    only(
      overrideEnvironment(
        readTemplate(templatePath, { parameterOverrides: options.parameterOverrides }),
        envVarsPath === undefined ? undefined : readEnvVarsFile(envVarsPath),
      ),
    );
  let current = loadTemplate();
  for (const warning of current.warnings) logger.error(`warning: ${warning}`);
  const nodeMismatch = describeNodeMismatch(current.functions.map((fn) => fn.runtime));
  if (nodeMismatch) logger.error(nodeMismatch);

  await setup.beforeBuild?.(current);

  const debugging = options.inspect !== undefined;
  const buildDir = resolve(setup.buildDir);
  const runtimePath = await buildRuntime(buildDir);
  const inspector = options.inspect && openInspector(options.inspect);
  const served = await serveFunctions(current, {
    buildDir,
    runtimePath,
    maxInstances: options.maxInstances ?? DEFAULT_MAX_INSTANCES,
    ...(options.concurrencyPerInstance === undefined ? {} : { concurrencyPerInstance: options.concurrencyPerInstance }),
    logger,
    debugging,
    ...(options.warmContainers === undefined ? {} : { warmContainers: options.warmContainers }),
  }).catch((error: unknown) => {
    inspector?.close();
    throw error;
  });

  const listeners: ReplacedListener[] = [];
  // Re-read on every save, one at a time; a template that does not read keeps the last one served.
  let reloading = Promise.resolve();
  // Files whose last save could not be served: the next save that can says so, even when it only undoes the mistake.
  const refused = new Set<string>();
  const reload = (changedFile: string) => {
    reloading = reloading.then(async () => {
      const name = basename(changedFile);
      try {
        const next = loadTemplate();
        const changes = await served.replace(next);
        current = next;
        const notes: string[] = [];
        for (const listener of listeners) {
          const more = await listener(next);
          changes.push(...more.changes);
          notes.push(...more.notes);
        }
        if (refused.delete(changedFile))
          logger.info(`${name} is good again and served${changes.length > 0 ? '' : ' (no change since the last version served)'}`);
        if (changes.length > 0) logger.info(`${name} changed: ${changes.join('; ')}`);
        for (const note of notes) logger.info(note);
        for (const warning of next.warnings) logger.error(`warning: ${warning}`);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        refused.add(changedFile);
        logger.error(`${name} changed but cannot be served; still serving the last version:\n${reason.trimEnd()}`);
      }
    });
  };
  const files = setup.watch ? [templatePath, ...(envVarsPath === undefined ? [] : [envVarsPath])] : [];
  const watchers = files.map((file) => watchTemplate(file, () => reload(file)));

  return {
    functions: served.functions,
    template: () => current,
    runtimes: () => served.runtimes(),
    debugging,
    inspectorUrl: inspector ? inspector.url : undefined,
    onReplaced: (listener) => void listeners.push(listener),
    async close() {
      for (const stop of watchers) stop();
      await reloading;
      await served.close();
      inspector?.close();
    },
  };
}
