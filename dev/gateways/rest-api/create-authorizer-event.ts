import type { APIGatewayProxyEvent } from 'aws-lambda';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from '../../lambda-runtime/create-function-environment';
import type { LambdaAuthorizer } from '../../sam-model/sam-template';
import { restApiIdOf } from './create-rest-event';
import type { RouteMatch } from './match-rest-route';

/**
 * The method ARN a REST authorizer gets and its policy is evaluated against:
 * `arn:aws:execute-api:<region>:<account>:<api-id>/<stage>/<METHOD>/<path as requested>`.
 */
export function methodArnOf(match: RouteMatch, method: string, path: string): string {
  return `arn:aws:execute-api:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:${restApiIdOf(match.api)}/${match.api.stageName}/${method}/${path.replace(/^\//, '')}`;
}

/**
 * The event a REST Lambda authorizer receives, as `sam local generate-event apigateway
 * authorizer` and `request-authorizer` show it: TOKEN gets the token and the method ARN; REQUEST
 * gets the request as the proxy event carries it, without the body, empty maps as `{}`.
 */
export function createAuthorizerEvent(
  authorizer: LambdaAuthorizer,
  proxyEvent: APIGatewayProxyEvent,
  methodArn: string,
  identity: string[],
): unknown {
  if (authorizer.payloadType === 'TOKEN') return { type: 'TOKEN', authorizationToken: identity[0], methodArn };
  return {
    type: 'REQUEST',
    methodArn,
    resource: proxyEvent.resource,
    path: proxyEvent.path,
    httpMethod: proxyEvent.httpMethod,
    headers: proxyEvent.headers,
    multiValueHeaders: proxyEvent.multiValueHeaders,
    queryStringParameters: proxyEvent.queryStringParameters ?? {},
    multiValueQueryStringParameters: proxyEvent.multiValueQueryStringParameters ?? {},
    pathParameters: proxyEvent.pathParameters ?? {},
    stageVariables: proxyEvent.stageVariables ?? {},
    requestContext: proxyEvent.requestContext,
  };
}
