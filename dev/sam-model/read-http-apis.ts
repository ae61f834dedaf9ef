import { NO_AUTH, readApiAuth, readRouteAuthorizer, type ApiAuth, type FunctionIdOf } from './read-api-auth';
import { readApiEvents } from './read-api-events';
import { readHttpCors } from './read-cors';
import type { Fields } from './read-fields';
import type { HttpApiStage, PayloadFormatVersion, TemplateFunction, TemplateHttpRoute } from './sam-template';

// The local API and the benchmark import these types from here.
export type { HttpApiStage, PayloadFormatVersion, TemplateHttpRoute } from './sam-template';

// An HttpApi event without ApiId goes to the HTTP API SAM creates itself, on its `$default` stage.
export const IMPLICIT_HTTP_API_ID = 'ServerlessHttpApi';
export const DEFAULT_STAGE = '$default';
export const DEFAULT_ROUTE = '$default';

function readStageVariables(properties: Fields): Record<string, string> | null {
  const variables = Object.entries(properties.optionalMap('StageVariables')?.raw ?? {});
  return variables.length === 0 ? null : Object.fromEntries(variables.map(([key, value]) => [key, String(value)]));
}

/** An HTTP API's stage from its Properties (Globals.HttpApi already merged), and its Auth for the routes to it. */
export function readHttpApi(logicalId: string, properties: Fields, functionIdOf: FunctionIdOf): { api: HttpApiStage; auth: ApiAuth } {
  return {
    api: {
      logicalId,
      stageName: properties.optionalString('StageName') ?? DEFAULT_STAGE,
      stageVariables: readStageVariables(properties),
      cors: readHttpCors(properties),
    },
    auth: readApiAuth(properties, 'http', functionIdOf),
  };
}

function readPayloadFormatVersion(properties: Fields): PayloadFormatVersion {
  const version = properties.optionalString('PayloadFormatVersion') ?? properties.optionalNumber('PayloadFormatVersion')?.toFixed(1);
  if (version === undefined || version === '2.0') return '2.0';
  if (version === '1.0') return '1.0';
  throw new Error(`${properties.where}.PayloadFormatVersion must be '1.0' or '2.0', not ${JSON.stringify(version)}`);
}

/** A function's `HttpApi` events as routes; one whose ApiId names no HTTP API is left out with a warning. */
export function readHttpRoutes(
  fn: TemplateFunction,
  apis: ReadonlyMap<string, HttpApiStage>,
  implicitApi: HttpApiStage,
  auths: ReadonlyMap<string, ApiAuth>,
  warnings: string[],
): TemplateHttpRoute[] {
  const kind = { type: 'HttpApi', idKey: 'ApiId', resourceType: 'AWS::Serverless::HttpApi' } as const;
  return readApiEvents(fn, kind, apis, implicitApi, warnings).map(({ event, properties, api }) => {
    const path = properties.optionalString('Path');
    const method = properties.optionalString('Method');
    // SAM: an HttpApi event with neither Path nor Method is the API's `$default` route.
    const isDefault = path === undefined || path === DEFAULT_ROUTE;
    return {
      method: isDefault ? 'ANY' : (method ?? 'ANY').toUpperCase(),
      path: isDefault ? DEFAULT_ROUTE : path,
      functionId: fn.logicalId,
      eventName: event.name,
      payloadFormatVersion: readPayloadFormatVersion(properties),
      timeoutMs: properties.optionalNumber('TimeoutInMillis'),
      api,
      authorizer: readRouteAuthorizer(auths.get(api.logicalId) ?? NO_AUTH, properties),
    };
  });
}
