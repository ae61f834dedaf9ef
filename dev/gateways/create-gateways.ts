import type { SamTemplate } from '../sam-model/read-template';
import type { Limits } from './limits';
import { createFunctionUrlGateway } from './function-url/function-url-gateway';
import type { Gateway } from './gateway';
import { createHttpApiGateway } from './http-api/http-api-gateway';
import { createRestApiGateway } from './rest-api/rest-api-gateway';

/** The gateways of a template: REST and HTTP APIs share the main port; each Function URL has a port of its own. */
export interface TemplateGateways {
  /** In routing order: REST API routes first, then HTTP API routes (whose `$default` takes anything). */
  main: Gateway[];
  /** By function logical id. */
  functionUrls: Map<string, Gateway>;
}

export function createGateways(template: SamTemplate, limits: Pick<Limits, 'integrationTimeoutMs' | 'httpApiTimeoutMs'>): TemplateGateways {
  const main = [createRestApiGateway(template.routes, limits)];
  if (template.httpRoutes.length > 0) main.push(createHttpApiGateway(template.httpRoutes, limits));
  const functionUrls = new Map(
    template.functions.filter((fn) => fn.functionUrl !== undefined).map((fn) => [fn.logicalId, createFunctionUrlGateway(fn)]),
  );
  return { main, functionUrls };
}
