import type { ParseArgsOptionsConfig } from 'node:util';
import { parseParameterOverrides } from '../sam-model/parse-parameter-overrides';
import type { InspectTarget } from './open-inspector';
import type { FunctionsOptions } from './start-functions';

/** The flags every command that runs the template's functions takes, in `sam local`'s spelling. */
export const FUNCTION_FLAGS = {
  template: { type: 'string', default: 'template.yaml' },
  'max-instances': { type: 'string' },
  'concurrency-per-instance': { type: 'string' },
  'env-vars': { type: 'string', short: 'n' },
  'parameter-overrides': { type: 'string', multiple: true },
  inspect: { type: 'string' },
  'debug-port': { type: 'string', short: 'd' },
  'warm-containers': { type: 'string' },
  help: { type: 'boolean', default: false },
} as const satisfies ParseArgsOptionsConfig;

/** Their lines of each command's --help. */
export const FUNCTION_FLAGS_USAGE = `  --template FILE            Another SAM template (default template.yaml)
  --env-vars, -n FILE        Environment variables in sam local's format:
                             {"Parameters": {"NAME": "value"}, "MyFunction": {"NAME": "value"}}
  --parameter-overrides TEXT Template parameter values: "Name=value" or
                             "ParameterKey=Name,ParameterValue=value", space-separated or repeated
  --max-instances N          Instances per function (default 4); further concurrent invocations wait
  --concurrency-per-instance N  Up to N overlapping invocations per instance, as Lambda Managed Instances do
  --inspect[=[host:]port]    Open the Node.js inspector (default 127.0.0.1:9229) and attach a debugger:
                             the functions are built with source maps and have no timeout
  --debug-port, -d PORT      The same as --inspect=PORT, as sam local spells it
  --warm-containers MODE     EAGER starts an instance of every function at start; LAZY on first use (the default)`;

const DEFAULT_INSPECT_PORT = 9229;

export function readPort(text: string, flag: string): number {
  const port = Number(text);
  if (text.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${flag}: not a port: ${text}`);
  return port;
}

// `--inspect`, `--inspect=9230` or `--inspect=127.0.0.1:9230`, as node itself takes them.
function readInspectTarget(inspect: string | undefined, debugPort: string | undefined): InspectTarget | undefined {
  if (debugPort !== undefined) return { host: '127.0.0.1', port: readPort(debugPort, '--debug-port') };
  if (inspect === undefined) return undefined;
  const colon = inspect.lastIndexOf(':');
  if (colon < 0) return { host: '127.0.0.1', port: readPort(inspect, '--inspect') };
  return { host: inspect.slice(0, colon), port: readPort(inspect.slice(colon + 1), '--inspect') };
}

function readPositive(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!(Number.isInteger(value) && value > 0)) throw new Error(`${flag} wants a positive integer`);
  return value;
}

/** parseArgs has no optional values: a bare --inspect means the inspector's usual port. */
export function expandBareInspect(args: readonly string[]): string[] {
  return args.map((arg) => (arg === '--inspect' ? `--inspect=${DEFAULT_INSPECT_PORT}` : arg));
}

export type FunctionFlagValues = {
  template: string;
  'max-instances'?: string;
  'concurrency-per-instance'?: string;
  'env-vars'?: string;
  'parameter-overrides'?: string[];
  inspect?: string;
  'debug-port'?: string;
  'warm-containers'?: string;
};

function readWarmContainers(value: string | undefined): FunctionsOptions['warmContainers'] {
  if (value === undefined) return undefined;
  const mode = value.toUpperCase();
  if (mode === 'EAGER' || mode === 'LAZY') return mode;
  throw new Error(`--warm-containers: EAGER or LAZY, not ${value}`);
}

/** The options the flags ask for; a value out of range throws with the flag's name. */
export function readFunctionFlags(values: FunctionFlagValues): FunctionsOptions {
  const maxInstances = readPositive(values['max-instances'], '--max-instances');
  const concurrencyPerInstance = readPositive(values['concurrency-per-instance'], '--concurrency-per-instance');
  const inspect = readInspectTarget(values.inspect, values['debug-port']);
  const envVarsPath = values['env-vars'];
  const warmContainers = readWarmContainers(values['warm-containers']);
  return {
    templatePath: values.template,
    parameterOverrides: parseParameterOverrides(values['parameter-overrides'] ?? []),
    ...(maxInstances === undefined ? {} : { maxInstances }),
    ...(concurrencyPerInstance === undefined ? {} : { concurrencyPerInstance }),
    ...(envVarsPath === undefined ? {} : { envVarsPath }),
    ...(inspect === undefined ? {} : { inspect }),
    ...(warmContainers === undefined ? {} : { warmContainers }),
  };
}
