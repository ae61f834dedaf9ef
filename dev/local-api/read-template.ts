import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseCloudFormation } from './parse-cloudformation';
import { resolveIntrinsics, type TemplateScope } from './resolve-intrinsics';

/** One stage of a REST API, as the functions behind it see it. */
export interface ApiStage {
  logicalId: string;
  stageName: string;
  binaryMediaTypes: string[];
  stageVariables: Record<string, string> | null;
}

/** `Metadata.BuildProperties` of a function built with `BuildMethod: esbuild`. */
export interface BuildProperties {
  EntryPoints: string[];
  Format?: string;
  Target?: string;
  Minify?: boolean;
  Sourcemap?: boolean;
  SourcesContent?: boolean;
  MainFields?: string;
  External?: string[];
  Loader?: string[];
  OutExtension?: string[];
  Banner?: string[];
}

export interface TemplateFunction {
  logicalId: string;
  functionName: string;
  runtime: string;
  handler: string;
  /** Absolute CodeUri: `sam build` runs esbuild there, so EntryPoints are relative to it. */
  codeDir: string;
  timeoutSeconds: number;
  memorySize: number;
  environment: Record<string, string>;
  build: BuildProperties;
}

export interface TemplateRoute {
  method: string;
  /** The resource path as written in the template, e.g. `/express/{proxy+}`. */
  path: string;
  functionId: string;
  api: ApiStage;
}

export interface LocalTemplate {
  functions: TemplateFunction[];
  routes: TemplateRoute[];
  /** What a local run cannot honour, for the console. */
  warnings: string[];
}

type Properties = Record<string, unknown>;

// SAM's defaults for what neither the function nor Globals set.
const DEFAULT_TIMEOUT_SECONDS = 3;
const DEFAULT_MEMORY_MB = 128;
// An Api event without RestApiId goes to the API SAM creates itself, on a stage named Prod.
const IMPLICIT_API_ID = 'ServerlessRestApi';
const IMPLICIT_STAGE_NAME = 'Prod';

function asRecord(value: unknown): Properties {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Properties) : {};
}

function parameterDefaults(parameters: Properties): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [name, declaration] of Object.entries(parameters)) {
    const value = asRecord(declaration).Default;
    if (value !== undefined) defaults[name] = value;
  }
  return defaults;
}

/** SAM merges Globals into each resource: maps merge key by key, anything else is overridden. */
function mergeGlobals(globals: Properties, own: Properties): Properties {
  const merged: Properties = { ...globals };
  for (const [key, value] of Object.entries(own)) {
    const global = globals[key];
    const bothMaps = Object.keys(asRecord(global)).length > 0 && Object.keys(asRecord(value)).length > 0;
    merged[key] = bothMaps ? mergeGlobals(asRecord(global), asRecord(value)) : value;
  }
  return merged;
}

// SAM writes `/` as `~1` in BinaryMediaTypes (`image~1png`), JSON-pointer style.
function decodeMediaType(type: string): string {
  return type.replaceAll('~1', '/').replaceAll('~0', '~');
}

function readApi(logicalId: string, properties: Properties): ApiStage {
  const stageName = properties.StageName;
  const types = Array.isArray(properties.BinaryMediaTypes) ? properties.BinaryMediaTypes : [];
  const variables = Object.entries(asRecord(properties.Variables));
  return {
    logicalId,
    stageName: typeof stageName === 'string' ? stageName : IMPLICIT_STAGE_NAME,
    binaryMediaTypes: types.filter((type): type is string => typeof type === 'string').map(decodeMediaType),
    stageVariables: variables.length === 0 ? null : Object.fromEntries(variables.map(([key, value]) => [key, String(value)])),
  };
}

function readEnvironment(properties: Properties, logicalId: string, warnings: string[]): Record<string, string> {
  const environment: Record<string, string> = {};
  const variables = asRecord(asRecord(properties.Environment).Variables);
  for (const [name, value] of Object.entries(variables)) {
    if (value === undefined || (value !== null && typeof value === 'object')) {
      warnings.push(`${logicalId}: environment variable ${name} cannot be resolved locally; it is left unset`);
    } else {
      environment[name] = value === null ? '' : String(value);
    }
  }
  return environment;
}

function readFunction(logicalId: string, resource: Properties, templateDir: string, warnings: string[]): TemplateFunction | undefined {
  const properties = asRecord(resource.Properties);
  const metadata = asRecord(resource.Metadata);
  const build = asRecord(metadata.BuildProperties);
  if (metadata.BuildMethod !== 'esbuild' || !Array.isArray(build.EntryPoints)) {
    warnings.push(`${logicalId}: not built with BuildMethod esbuild and EntryPoints; its routes are not served`);
    return undefined;
  }
  const codeUri = typeof properties.CodeUri === 'string' ? properties.CodeUri : '.';
  return {
    logicalId,
    functionName: typeof properties.FunctionName === 'string' ? properties.FunctionName : logicalId,
    runtime: String(properties.Runtime ?? 'nodejs24.x'),
    handler: String(properties.Handler ?? 'index.handler'),
    codeDir: resolve(templateDir, codeUri),
    timeoutSeconds: Number(properties.Timeout ?? DEFAULT_TIMEOUT_SECONDS),
    memorySize: Number(properties.MemorySize ?? DEFAULT_MEMORY_MB),
    environment: readEnvironment(properties, logicalId, warnings),
    build: build as unknown as BuildProperties,
  };
}

function readRoutes(
  fn: TemplateFunction,
  properties: Properties,
  apis: Map<string, ApiStage>,
  implicitApi: ApiStage,
  warnings: string[],
): TemplateRoute[] {
  const routes: TemplateRoute[] = [];
  for (const [name, event] of Object.entries(asRecord(properties.Events))) {
    const { Type: type, Properties: eventProperties } = asRecord(event);
    if (type === 'HttpApi')
      warnings.push(`${fn.logicalId}: event ${name} is an HTTP API (payload 2.0) event; only REST API events are served`);
    if (type !== 'Api') continue;
    const { Path: path, Method: method, RestApiId: apiId } = asRecord(eventProperties);
    if (typeof path !== 'string' || typeof method !== 'string') continue;
    const api = typeof apiId === 'string' ? apis.get(apiId) : implicitApi;
    if (api) routes.push({ method: method.toUpperCase(), path, functionId: fn.logicalId, api });
  }
  return routes;
}

/** Reads the functions of a SAM template and the REST API routes that lead to them. */
export function readTemplate(templatePath: string): LocalTemplate {
  const template = asRecord(parseCloudFormation(readFileSync(templatePath, 'utf8')));
  const resources = asRecord(template.Resources);
  const scope: TemplateScope = {
    parameters: parameterDefaults(asRecord(template.Parameters)),
    resources: new Set(Object.keys(resources)),
    mappings: asRecord(template.Mappings),
  };
  const globals = asRecord(resolveIntrinsics(template.Globals, scope));
  const warnings: string[] = [];

  const apis = new Map<string, ApiStage>();
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (asRecord(resource).Type !== 'AWS::Serverless::Api') continue;
    const properties = mergeGlobals(asRecord(globals.Api), asRecord(resolveIntrinsics(asRecord(resource).Properties, scope)));
    apis.set(logicalId, readApi(logicalId, properties));
  }
  const implicitApi = readApi(IMPLICIT_API_ID, asRecord(globals.Api));

  const functions: TemplateFunction[] = [];
  const routes: TemplateRoute[] = [];
  for (const [logicalId, raw] of Object.entries(resources)) {
    if (asRecord(raw).Type !== 'AWS::Serverless::Function') continue;
    const resolved = asRecord(resolveIntrinsics(raw, scope));
    const properties = mergeGlobals(asRecord(globals.Function), asRecord(resolved.Properties));
    const fn = readFunction(logicalId, { ...resolved, Properties: properties }, dirname(templatePath), warnings);
    if (!fn) continue;
    functions.push(fn);
    routes.push(...readRoutes(fn, properties, apis, implicitApi, warnings));
  }
  return { functions, routes, warnings };
}
