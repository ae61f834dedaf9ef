import { existsSync } from 'node:fs';
import type { SamTemplate } from '../sam-model/read-template';
import { createStaticFilesGateway } from './static-files/static-files-gateway';
import { createAuthorizerCache } from './authorizers/authorizer-cache';
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

export interface GatewayOptions {
  /** `--disable-authorizer`: no route's authorizer runs, as with `sam local start-api --disable-authorizer`. */
  disableAuthorizers?: boolean;
  /** Refuse (401) routes guarded by auth that cannot be checked offline (AWS_IAM, Cognito, JWT) instead of letting them through. */
  refuseUncheckedAuth?: boolean;
  /** `--static-dir`: an absolute folder whose files are served at `/` ahead of the APIs; undefined or missing: none. */
  staticDir?: string;
}

export function createGateways(
  template: SamTemplate,
  limits: Pick<Limits, 'integrationTimeoutMs' | 'httpApiTimeoutMs'>,
  options: GatewayOptions = {},
): TemplateGateways {
  // One cache per template served: a reload starts afresh, as a redeployed stage does.
  const authorizers = options.disableAuthorizers
    ? undefined
    : { cache: createAuthorizerCache(), refuseUnchecked: options.refuseUncheckedAuth ?? false };
  const main = [createRestApiGateway(template.routes, limits, authorizers)];
  if (template.httpRoutes.length > 0) main.push(createHttpApiGateway(template.httpRoutes, limits, authorizers));
  const apis = main[0] as Gateway;
  if (options.staticDir !== undefined && existsSync(options.staticDir)) main.unshift(createStaticFilesGateway(options.staticDir, apis));
  const functionUrls = new Map(
    template.functions.filter((fn) => fn.functionUrl !== undefined).map((fn) => [fn.logicalId, createFunctionUrlGateway(fn)]),
  );
  return { main, functionUrls };
}
