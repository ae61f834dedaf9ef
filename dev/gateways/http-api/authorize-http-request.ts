import type { APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from '../../lambda-runtime/create-function-environment';
import type { RouteAuthorizer } from '../../sam-model/sam-template';
import { passUnchecked, type Authorization, type AuthorizerSetup, type InvokeFunction } from '../authorizers/authorization';
import { readPolicyResult, readSimpleResult } from '../authorizers/read-authorizer-result';
import { readIdentity, type IdentityView } from '../authorizers/read-identity';
import { runLambdaAuthorizer } from '../authorizers/run-lambda-authorizer';
import { decodePath } from '../decode-component';
import type { ReceivedRequest } from '../received-request';
import { createHttpApiEvent, httpApiIdOf } from './create-http-api-event';
import { createHttpAuthorizerEvent } from './create-http-authorizer-event';
import { HTTP_AUTHORIZER_ANSWERS } from './http-api-answers';
import type { HttpRouteMatch } from './match-http-route';

function identityView(event: APIGatewayProxyEvent | APIGatewayProxyEventV2): IdentityView {
  return {
    headers: event.headers,
    query: event.queryStringParameters ?? null,
    stageVariables: event.stageVariables ?? null,
    requestContext: event.requestContext,
  };
}

/**
 * Authorizes an HTTP API request with its route's authorizer. A Lambda authorizer answers an IAM
 * policy (evaluated against the route ARN) or, with EnableSimpleResponses, `{isAuthorized,
 * context}`; what it allows reaches the function as `requestContext.authorizer.lambda`.
 */
export function authorizeHttpRequest(
  authorizer: Exclude<RouteAuthorizer, undefined>,
  match: HttpRouteMatch,
  path: string,
  setup: AuthorizerSetup,
): (request: ReceivedRequest, invoke: InvokeFunction) => Promise<Authorization> {
  return async (request, invoke) => {
    if (authorizer.kind === 'unchecked') return passUnchecked(setup, HTTP_AUTHORIZER_ANSWERS);
    const version = authorizer.payloadFormatVersion ?? '2.0';
    const event = createHttpApiEvent(request, match, path, undefined, version);
    const { api } = match.route;
    const routeArn = `arn:aws:execute-api:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:${httpApiIdOf(api)}/${api.stageName}/${request.method}/${decodePath(path).replace(/^\//, '')}`;
    return runLambdaAuthorizer({
      authorizer,
      apiId: api.logicalId,
      identity: readIdentity(authorizer.identity, identityView(event)),
      arn: routeArn,
      createEvent: (identity) => createHttpAuthorizerEvent(authorizer, event, routeArn, identity),
      readResult: (payload) =>
        authorizer.simpleResponses && version === '2.0' ? readSimpleResult(payload) : readPolicyResult(payload, false),
      toRequestContext: (result) => ({ lambda: result.context }),
      answers: HTTP_AUTHORIZER_ANSWERS,
      unauthorizedError: false,
      cache: setup.cache,
      invoke,
    });
  };
}
