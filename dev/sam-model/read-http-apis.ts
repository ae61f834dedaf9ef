import { readFields, type Fields } from './read-fields';
import type { TemplateFunction } from './read-template';

/** One stage of an HTTP API (AWS::Serverless::HttpApi, or the one SAM creates for HttpApi events). */
export interface HttpApiStage {
  logicalId: string;
  /** `$default` (no stage in the URL) or a named stage, which is the URL's first segment. */
  stageName: string;
  stageVariables: Record<string, string> | null;
}

export type PayloadFormatVersion = '1.0' | '2.0';

/** An `HttpApi` event: an HTTP API route to a function. */
export interface TemplateHttpRoute {
  /** `GET`, ..., or `ANY`; `ANY` for the `$default` route. */
  method: string;
  /** The route's path as written, e.g. `/items/{id}`, or `$default`, the catch-all route. */
  path: string;
  functionId: string;
  eventName: string;
  payloadFormatVersion: PayloadFormatVersion;
  /** The event's TimeoutInMillis, when it sets one: the HTTP API waits that long instead of 30 s. */
  timeoutMs: number | undefined;
  api: HttpApiStage;
}

// An HttpApi event without ApiId goes to the HTTP API SAM creates itself, on its `$default` stage.
export const IMPLICIT_HTTP_API_ID = 'ServerlessHttpApi';
export const DEFAULT_STAGE = '$default';
export const DEFAULT_ROUTE = '$default';

function readStageVariables(properties: Fields): Record<string, string> | null {
  const variables = Object.entries(properties.optionalMap('StageVariables')?.raw ?? {});
  return variables.length === 0 ? null : Object.fromEntries(variables.map(([key, value]) => [key, String(value)]));
}

/** An HTTP API's stage from its Properties (Globals.HttpApi already merged). */
export function readHttpApi(logicalId: string, properties: Fields): HttpApiStage {
  return { logicalId, stageName: properties.optionalString('StageName') ?? DEFAULT_STAGE, stageVariables: readStageVariables(properties) };
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
  warnings: string[],
): TemplateHttpRoute[] {
  const routes: TemplateHttpRoute[] = [];
  for (const event of fn.events) {
    if (event.type !== 'HttpApi') continue;
    const properties = readFields(event.properties, `${fn.logicalId}.Properties.Events.${event.name}.Properties`);
    // `ApiId: !Ref X` arrives resolved to X's logical id.
    const apiId = properties.optionalString('ApiId');
    const api = apiId === undefined ? implicitApi : apis.get(apiId);
    if (!api) {
      warnings.push(`${properties.where}.ApiId names ${apiId}, which is not an AWS::Serverless::HttpApi here; the route is not served`);
      continue;
    }
    const path = properties.optionalString('Path');
    const method = properties.optionalString('Method');
    // SAM: an HttpApi event with neither Path nor Method is the API's `$default` route.
    const isDefault = path === undefined || path === DEFAULT_ROUTE;
    routes.push({
      method: isDefault ? 'ANY' : (method ?? 'ANY').toUpperCase(),
      path: isDefault ? DEFAULT_ROUTE : path,
      functionId: fn.logicalId,
      eventName: event.name,
      payloadFormatVersion: readPayloadFormatVersion(properties),
      timeoutMs: properties.optionalNumber('TimeoutInMillis'),
      api,
    });
  }
  return routes;
}
