import { readFields, type Fields } from './read-fields';
import type { FunctionEvent, TemplateFunction } from './sam-template';

/** Which events name which API: `Api` events a REST API by RestApiId, `HttpApi` events an HTTP API by ApiId. */
interface ApiEventKind {
  readonly type: 'Api' | 'HttpApi';
  readonly idKey: 'RestApiId' | 'ApiId';
  readonly resourceType: 'AWS::Serverless::Api' | 'AWS::Serverless::HttpApi';
}

/** An event of a function with its Properties and the API it goes to. */
interface ApiEvent<Api> {
  readonly event: FunctionEvent;
  readonly properties: Fields;
  readonly api: Api;
}

/**
 * A function's events of one kind, each with the API it names (`!Ref X` arrives resolved to X's
 * logical id) or, naming none, the API SAM creates itself. One that names no API of that kind
 * here is left out, with a warning.
 */
export function readApiEvents<Api>(
  fn: TemplateFunction,
  kind: ApiEventKind,
  apis: ReadonlyMap<string, Api>,
  implicitApi: Api,
  warnings: string[],
): ApiEvent<Api>[] {
  const found: ApiEvent<Api>[] = [];
  for (const event of fn.events) {
    if (event.type !== kind.type) continue;
    const properties = readFields(event.properties, `${fn.logicalId}.Properties.Events.${event.name}.Properties`);
    const apiId = properties.optionalString(kind.idKey);
    const api = apiId === undefined ? implicitApi : apis.get(apiId);
    if (api === undefined) {
      warnings.push(`${properties.where}.${kind.idKey} names ${apiId}, which is not an ${kind.resourceType} here; the route is not served`);
      continue;
    }
    found.push({ event, properties, api });
  }
  return found;
}
