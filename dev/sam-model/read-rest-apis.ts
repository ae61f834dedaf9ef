import { NO_AUTH, readApiAuth, readPreflightAuthorizer, readRouteAuthorizer, type ApiAuth, type FunctionIdOf } from './read-api-auth';
import { readApiEvents } from './read-api-events';
import { readRestCors } from './read-cors';
import type { Fields } from './read-fields';
import type { ApiStage, TemplateFunction, TemplateRoute } from './sam-template';

// An Api event without RestApiId goes to the API SAM creates itself, on a stage named Prod.
export const IMPLICIT_API_ID = 'ServerlessRestApi';
const IMPLICIT_STAGE_NAME = 'Prod';
// What SAM's Api event property and a Function URL's InvokeMode say for a streamed response.
export const RESPONSE_STREAM = 'RESPONSE_STREAM';

// SAM writes `/` as `~1` in BinaryMediaTypes (`image~1png`), JSON-pointer style.
function decodeMediaType(type: string): string {
  return type.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** A REST API's stage from its Properties (Globals.Api already merged), and its Auth for the routes to it. */
export function readApi(logicalId: string, properties: Fields, functionIdOf: FunctionIdOf): { api: ApiStage; auth: ApiAuth } {
  const auth = readApiAuth(properties, 'rest', functionIdOf);
  const cors = readRestCors(properties);
  return { api: { ...readStage(logicalId, properties), cors, preflightAuthorizer: cors && readPreflightAuthorizer(auth) }, auth };
}

function readStage(
  logicalId: string,
  properties: Fields,
): Pick<ApiStage, 'logicalId' | 'stageName' | 'binaryMediaTypes' | 'stageVariables'> {
  const variables = Object.entries(properties.optionalMap('Variables')?.raw ?? {});
  return {
    logicalId,
    stageName: properties.optionalString('StageName') ?? IMPLICIT_STAGE_NAME,
    binaryMediaTypes: (properties.optionalStringList('BinaryMediaTypes') ?? []).map(decodeMediaType),
    stageVariables: variables.length === 0 ? null : Object.fromEntries(variables.map(([key, value]) => [key, String(value)])),
  };
}

/** A function's `Api` events as routes; one whose RestApiId names no REST API is left out with a warning. */
export function readRoutes(
  fn: TemplateFunction,
  apis: ReadonlyMap<string, ApiStage>,
  implicitApi: ApiStage,
  auths: ReadonlyMap<string, ApiAuth>,
  warnings: string[],
): TemplateRoute[] {
  return readApiEvents(fn, { type: 'Api', idKey: 'RestApiId', resourceType: 'AWS::Serverless::Api' }, apis, implicitApi, warnings).map(
    ({ event, properties, api }) => ({
      method: properties.string('Method').toUpperCase(),
      path: properties.string('Path'),
      functionId: fn.logicalId,
      eventName: event.name,
      api,
      responseStreaming: properties.optionalString('ResponseTransferMode') === RESPONSE_STREAM,
      authorizer: readRouteAuthorizer(auths.get(api.logicalId) ?? NO_AUTH, properties),
    }),
  );
}
