import type { APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda';
import type { LambdaAuthorizer } from '../../sam-model/sam-template';

// An authorizer never sees the request's body.
function withoutBody<Event extends { body?: unknown; isBase64Encoded?: unknown }>(event: Event): Omit<Event, 'body' | 'isBase64Encoded'> {
  const copy: Partial<Event> = { ...event };
  delete copy.body;
  delete copy.isBase64Encoded;
  return copy as Omit<Event, 'body' | 'isBase64Encoded'>;
}

/**
 * The event an HTTP API's Lambda authorizer receives, in its own payload format: 2.0 is the
 * request's 2.0 event with `type`, `routeArn` and the identity values as a list; 1.0 is the
 * REST-shaped event with `methodArn`, and the identity values comma-joined in `identitySource`
 * and `authorizationToken`.
 */
export function createHttpAuthorizerEvent(
  authorizer: LambdaAuthorizer,
  requestEvent: APIGatewayProxyEvent | APIGatewayProxyEventV2,
  routeArn: string,
  identity: string[],
): unknown {
  const rest = withoutBody(requestEvent);
  if (authorizer.payloadFormatVersion === '1.0')
    return {
      ...rest,
      version: '1.0',
      type: 'REQUEST',
      methodArn: routeArn,
      identitySource: identity.join(','),
      authorizationToken: identity.join(','),
    };
  return { ...rest, version: '2.0', type: 'REQUEST', routeArn, identitySource: identity };
}
