import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isRecord } from './is-record';
import { assignParameterValues } from './assign-parameter-values';
import { parseCloudFormation } from './parse-cloudformation';
import type { ApiAuth, FunctionIdOf } from './read-api-auth';
import { describeYamlError } from './describe-yaml-error';
import { readFields, TemplateError, type Fields } from './read-fields';
import { YAMLParseError } from 'yaml';
import { IMPLICIT_HTTP_API_ID, readHttpApi, readHttpRoutes } from './read-http-apis';
import { IMPLICIT_API_ID, readApi, readRoutes, RESPONSE_STREAM } from './read-rest-apis';
import { resolveIntrinsics, type TemplateScope } from './resolve-intrinsics';
import type {
  ApiStage,
  BuildProperties,
  FunctionEvent,
  HttpApiStage,
  SamTemplate,
  TemplateFunction,
  TemplateHttpRoute,
  TemplateRoute,
} from './sam-template';

// The local API, the tests and the benchmark import these types from here.
export type {
  ApiStage,
  BuildProperties,
  FunctionEvent,
  HttpCors,
  LambdaAuthorizer,
  RestCors,
  RouteAuthorizer,
  SamTemplate,
  TemplateFunction,
  TemplateRoute,
} from './sam-template';

// SAM's defaults for what neither the function nor Globals set.
const DEFAULT_TIMEOUT_SECONDS = 3;
const DEFAULT_MEMORY_MB = 128;

const mapOrEmpty = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});

/** SAM merges Globals into each resource: maps merge key by key, anything else is overridden. */
function mergeGlobals(globals: Record<string, unknown>, own: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...globals };
  for (const [key, value] of Object.entries(own)) {
    const global = globals[key];
    merged[key] = isRecord(global) && isRecord(value) ? mergeGlobals(global, value) : value;
  }
  return merged;
}

function readEnvironment(properties: Fields): { environment: Record<string, string>; unresolvedVariables: string[] } {
  const environment: Record<string, string> = {};
  const unresolvedVariables: string[] = [];
  const variables = properties.optionalMap('Environment')?.optionalMap('Variables')?.raw ?? {};
  for (const [name, value] of Object.entries(variables)) {
    if (value === undefined || (value !== null && typeof value === 'object')) unresolvedVariables.push(name);
    else environment[name] = value === null ? '' : String(value);
  }
  return { environment, unresolvedVariables };
}

function readBuildProperties(build: Fields): BuildProperties {
  const properties: BuildProperties = { EntryPoints: build.optionalStringList('EntryPoints') ?? [] };
  const strings = ['Format', 'Target', 'MainFields'] as const;
  for (const key of strings) {
    const value = build.optionalString(key);
    if (value !== undefined) properties[key] = value;
  }
  for (const key of ['Minify', 'Sourcemap', 'SourcesContent'] as const) {
    const value = build.optionalBoolean(key);
    if (value !== undefined) properties[key] = value;
  }
  for (const key of ['External', 'Loader', 'OutExtension', 'Banner'] as const) {
    const value = build.optionalStringList(key);
    if (value !== undefined) properties[key] = value;
  }
  return properties;
}

function readEvents(properties: Fields): FunctionEvent[] {
  const events = properties.optionalMap('Events');
  if (!events) return [];
  return Object.keys(events.raw).map((name) => {
    const event = events.map(name);
    return { name, type: event.string('Type'), properties: event.optionalMap('Properties')?.raw ?? {} };
  });
}

function readFunction(logicalId: string, resource: Fields, templateDir: string, warnings: string[]): TemplateFunction | undefined {
  const properties = resource.map('Properties');
  const metadata = resource.optionalMap('Metadata');
  const build = metadata?.optionalMap('BuildProperties');
  if (metadata?.optionalString('BuildMethod') !== 'esbuild' || !build?.has('EntryPoints')) {
    warnings.push(`${logicalId}: not built with BuildMethod esbuild and EntryPoints; its routes are not served`);
    return undefined;
  }
  const codeUri = properties.optionalString('CodeUri') ?? '.';
  const logging = properties.optionalMap('LoggingConfig');
  const url = properties.optionalMap('FunctionUrlConfig');
  const events = readEvents(properties);
  const functionUrl = url && { authType: url.string('AuthType'), invokeMode: url.optionalString('InvokeMode') };
  const capacityProvider = properties.optionalMap('CapacityProviderConfig');
  return {
    logicalId,
    functionName: properties.optionalString('FunctionName') ?? logicalId,
    runtime: properties.optionalString('Runtime') ?? 'nodejs24.x',
    handler: properties.optionalString('Handler') ?? 'index.handler',
    codeUri,
    codeDir: resolve(templateDir, codeUri),
    timeoutSeconds: properties.optionalNumber('Timeout') ?? DEFAULT_TIMEOUT_SECONDS,
    memorySize: properties.optionalNumber('MemorySize') ?? DEFAULT_MEMORY_MB,
    ...readEnvironment(properties),
    logging: logging && {
      logFormat: logging.optionalString('LogFormat'),
      applicationLogLevel: logging.optionalString('ApplicationLogLevel'),
      logGroup: logging.optionalString('LogGroup'),
    },
    capacityProvider: capacityProvider && { maxConcurrency: capacityProvider.optionalNumber('PerExecutionEnvironmentMaxConcurrency') },
    functionUrl,
    build: readBuildProperties(build),
    events,
    responseStreaming:
      functionUrl?.invokeMode === RESPONSE_STREAM ||
      events.some((event) => event.type === 'Api' && event.properties['ResponseTransferMode'] === RESPONSE_STREAM),
  };
}

/**
 * The function a `FunctionArn` names. `!GetAtt Fn.Arn` resolves to `Fn.Arn`; a written-out ARN
 * (`!Sub arn:...:function:${Fn}`, say) ends in the function's name or logical id.
 */
function findFunctionIds(resources: Fields): FunctionIdOf {
  const functionIds = Object.keys(resources.raw).filter(
    (logicalId) => resources.map(logicalId).raw['Type'] === 'AWS::Serverless::Function',
  );
  const byName = new Map(
    functionIds.map((logicalId) => {
      const name = mapOrEmpty(resources.map(logicalId).raw['Properties'])['FunctionName'];
      return [typeof name === 'string' ? name : logicalId, logicalId];
    }),
  );
  return (arn) => {
    const attribute = /^([A-Za-z0-9]+)\.Arn$/.exec(arn)?.[1];
    if (attribute !== undefined) return functionIds.includes(attribute) ? attribute : undefined;
    const name = /:function:([^:]+)(:[^:]+)?$/.exec(arn)?.[1] ?? arn;
    return byName.get(name) ?? (functionIds.includes(name) ? name : undefined);
  };
}

export interface ReadOptions {
  /** Values for the template's parameters, by name, instead of their defaults (`sam --parameter-overrides`). */
  parameterOverrides?: Readonly<Record<string, string>> | undefined;
}

/** Reads a SAM template: its functions (Globals merged), REST and HTTP APIs, the routes to them and the outputs. */
export function readTemplate(templatePath: string, options: ReadOptions = {}): SamTemplate {
  const file = resolve(templatePath);
  const text = readFileSync(file, 'utf8');
  let parsed: unknown;
  try {
    parsed = parseCloudFormation(text);
  } catch (error) {
    if (error instanceof YAMLParseError) throw new TemplateError(describeYamlError(file, text, error));
    throw error;
  }
  const document = readFields(parsed, 'template');
  const resources = document.map('Resources');
  const parameters = assignParameterValues(document.optionalMap('Parameters')?.raw ?? {}, options.parameterOverrides);
  const scope: TemplateScope = {
    parameters,
    resources: new Set(Object.keys(resources.raw)),
    mappings: document.optionalMap('Mappings')?.raw ?? {},
  };
  const globals = mapOrEmpty(resolveIntrinsics(document.raw['Globals'], scope));
  const warnings: string[] = [];
  const resourcesOfType = (type: string) =>
    Object.keys(resources.raw)
      .map((logicalId) => ({ logicalId, resource: resources.map(logicalId) }))
      .filter(({ resource }) => resource.raw['Type'] === type);
  const resolvedResource = (logicalId: string, resource: Fields, globalsOfKind: unknown): Fields => {
    const resolved = readFields(resolveIntrinsics(resource.raw, scope), logicalId);
    const properties = mergeGlobals(mapOrEmpty(globalsOfKind), mapOrEmpty(resolved.raw['Properties']));
    return readFields({ ...resolved.raw, Properties: properties }, logicalId);
  };

  const functionIdOf = findFunctionIds(resources);
  const auths = new Map<string, ApiAuth>();
  const readApiOf = <Api>(logicalId: string, read: { api: Api; auth: ApiAuth }): Api => {
    auths.set(logicalId, read.auth);
    return read.api;
  };
  const apis = new Map<string, ApiStage>();
  for (const { logicalId, resource } of resourcesOfType('AWS::Serverless::Api')) {
    const properties = resolvedResource(logicalId, resource, globals['Api']).map('Properties');
    apis.set(logicalId, readApiOf(logicalId, readApi(logicalId, properties, functionIdOf)));
  }
  const implicitApi = readApiOf(
    IMPLICIT_API_ID,
    readApi(IMPLICIT_API_ID, readFields(mapOrEmpty(globals['Api']), 'Globals.Api'), functionIdOf),
  );

  const httpApis = new Map<string, HttpApiStage>();
  for (const { logicalId, resource } of resourcesOfType('AWS::Serverless::HttpApi')) {
    const properties = resolvedResource(logicalId, resource, globals['HttpApi']).map('Properties');
    httpApis.set(logicalId, readApiOf(logicalId, readHttpApi(logicalId, properties, functionIdOf)));
  }
  const implicitHttpApi = readApiOf(
    IMPLICIT_HTTP_API_ID,
    readHttpApi(IMPLICIT_HTTP_API_ID, readFields(mapOrEmpty(globals['HttpApi']), 'Globals.HttpApi'), functionIdOf),
  );

  const functions: TemplateFunction[] = [];
  const routes: TemplateRoute[] = [];
  const httpRoutes: TemplateHttpRoute[] = [];
  for (const { logicalId, resource } of resourcesOfType('AWS::Serverless::Function')) {
    const fn = readFunction(logicalId, resolvedResource(logicalId, resource, globals['Function']), dirname(file), warnings);
    if (!fn) continue;
    functions.push(fn);
    routes.push(...readRoutes(fn, apis, implicitApi, auths, warnings));
    httpRoutes.push(...readHttpRoutes(fn, httpApis, implicitHttpApi, auths, warnings));
  }
  const servedHttpApis = [...httpApis.values(), ...(httpRoutes.some((route) => route.api === implicitHttpApi) ? [implicitHttpApi] : [])];
  const outputs = Object.fromEntries(
    Object.entries(document.optionalMap('Outputs')?.raw ?? {}).map(([name, output]) => [
      name,
      resolveIntrinsics(mapOrEmpty(output)['Value'], scope),
    ]),
  );
  return {
    file,
    document: document.raw,
    parameters,
    functions,
    apis: [...apis.values()],
    routes,
    httpApis: servedHttpApis,
    httpRoutes,
    outputs,
    warnings,
  };
}
