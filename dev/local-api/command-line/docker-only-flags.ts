/**
 * `sam local start-api` flags that only mean something with Docker, AWS credentials or IaC hooks.
 * The local API takes them, so a command line or samconfig.toml written for sam works, and says
 * once that they change nothing here.
 */
export const DOCKER_ONLY_VALUE_FLAGS = [
  'docker-volume-basedir',
  'docker-network',
  'container-env-vars',
  'container-host',
  'container-host-interface',
  'debug-args',
  'debugger-path',
  'debug-function',
  'invoke-image',
  'layer-cache-basedir',
  'add-host',
  'log-file',
  'profile',
  'region',
  'hook-name',
  'terraform-plan-file',
  'terraform-project-root-path',
] as const;

export const DOCKER_ONLY_BOOLEAN_FLAGS = [
  'skip-pull-image',
  'force-image-build',
  'shutdown',
  'no-memory-limit',
  'mount-symlinks',
  'no-mount-symlinks',
  'beta-features',
  'no-beta-features',
  'skip-prepare-infra',
  'prepare-infra',
  'save-params',
] as const;

/** parseArgs' declarations of those flags (`-v` is sam's short form of --docker-volume-basedir). */
export function dockerOnlyOptions(): Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> {
  return {
    ...Object.fromEntries(DOCKER_ONLY_VALUE_FLAGS.map((flag) => [flag, { type: 'string' as const, multiple: true }])),
    ...Object.fromEntries(DOCKER_ONLY_BOOLEAN_FLAGS.map((flag) => [flag, { type: 'boolean' as const }])),
    'docker-volume-basedir': { type: 'string', short: 'v', multiple: true },
  };
}

/** One line per such flag given: that it has no effect here. */
export function describeDockerOnlyFlags(given: readonly string[]): string[] {
  return given.map((flag) => `Note: --${flag} has no effect here: the local API runs functions in worker threads, without Docker or AWS.`);
}
