import type { RouteAuthorizer } from '../../sam-model/sam-template';
import { passUnchecked, type Authorization, type AuthorizerSetup, type InvokeFunction } from '../authorizers/authorization';
import { readPolicyResult } from '../authorizers/read-authorizer-result';
import { readIdentity } from '../authorizers/read-identity';
import { runLambdaAuthorizer } from '../authorizers/run-lambda-authorizer';
import { decodePath } from '../decode-component';
import { splitTarget, type ReceivedRequest } from '../received-request';
import { createAuthorizerEvent, methodArnOf } from './create-authorizer-event';
import { createRestEvent } from './create-rest-event';
import type { RouteMatch } from './match-rest-route';
import { REST_AUTHORIZER_ANSWERS } from './rest-api-answers';

/**
 * Authorizes a REST API request with its route's authorizer: a Lambda authorizer runs as API
 * Gateway runs it; what it allows reaches the function as `requestContext.authorizer`
 * (`principalId`, `integrationLatency` and the context's values, which the proxy event carries as strings).
 */
export function authorizeRestRequest(
  authorizer: Exclude<RouteAuthorizer, undefined>,
  match: RouteMatch,
  setup: AuthorizerSetup,
): (request: ReceivedRequest, invoke: InvokeFunction) => Promise<Authorization> {
  return async (request, invoke) => {
    if (authorizer.kind === 'unchecked') return passUnchecked(setup, REST_AUTHORIZER_ANSWERS);
    const proxyEvent = createRestEvent(request, match);
    const methodArn = methodArnOf(match, request.method, decodePath(splitTarget(request.url).path));
    return runLambdaAuthorizer({
      authorizer,
      apiId: match.api.logicalId,
      identity: readIdentity(authorizer.identity, {
        headers: proxyEvent.headers,
        query: proxyEvent.queryStringParameters,
        stageVariables: proxyEvent.stageVariables,
        requestContext: proxyEvent.requestContext,
      }),
      arn: methodArn,
      createEvent: (identity) => createAuthorizerEvent(authorizer, proxyEvent, methodArn, identity),
      readResult: (payload) => readPolicyResult(payload, true),
      toRequestContext: (result, latencyMs) => ({
        ...Object.fromEntries(Object.entries(result.context).map(([key, value]) => [key, String(value)])),
        principalId: result.kind === 'policy' ? result.principalId : undefined,
        integrationLatency: latencyMs,
      }),
      answers: REST_AUTHORIZER_ANSWERS,
      unauthorizedError: true,
      cache: setup.cache,
      invoke,
    });
  };
}
