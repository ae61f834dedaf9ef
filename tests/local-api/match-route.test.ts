import { compileRoutes } from '../../dev/gateways/rest-api/match-rest-route';
import type { ApiStage, TemplateRoute } from '../../dev/sam-model/read-template';

const api: ApiStage = {
  logicalId: 'Api',
  stageName: 'dev',
  binaryMediaTypes: [],
  stageVariables: null,
  cors: undefined,
  preflightAuthorizer: undefined,
};
const route = (method: string, path: string, functionId: string): TemplateRoute => ({
  method,
  path,
  functionId,
  eventName: 'Proxy',
  api,
  responseStreaming: false,
  authorizer: undefined,
});

const match = compileRoutes([
  route('ANY', '/{proxy+}', 'Catchall'),
  route('ANY', '/users/{proxy+}', 'UsersGreedy'),
  route('GET', '/users/{id}', 'UserById'),
  route('GET', '/users/me', 'Me'),
  route('POST', '/users', 'CreateUser'),
  route('GET', '/', 'Root'),
]);

describe('matching a request to a route', () => {
  it.each([
    ['GET', '/users/me', 'Me', null],
    ['GET', '/users/42', 'UserById', { id: '42' }],
    ['GET', '/users/42/posts', 'UsersGreedy', { proxy: '42/posts' }],
    ['GET', '/users/a%20b', 'UserById', { id: 'a b' }],
    ['GET', '/users/a%2Fb', 'UserById', { id: 'a%2Fb' }],
    ['POST', '/users', 'CreateUser', null],
    ['GET', '/', 'Root', null],
    ['DELETE', '/anything/else', 'Catchall', { proxy: 'anything/else' }],
  ])('%s %s goes to %s', (method, path, functionId, pathParameters) => {
    expect(match(method, path)).toMatchObject({ route: { functionId }, pathParameters });
  });

  it.each([
    ['POST', '/users/me'], // the most specific resource wins, then lacks the method
    ['GET', '/users'],
    ['POST', '/'],
  ])('%s %s matches nothing (403)', (method, path) => {
    expect(match(method, path)).toBeUndefined();
  });

  it('gives a greedy parameter at least one segment', () => {
    const onlyGreedy = compileRoutes([route('ANY', '/express/{proxy+}', 'Express')]);
    expect(onlyGreedy('GET', '/express')).toBeUndefined();
    expect(onlyGreedy('GET', '/express/')).toBeUndefined();
    expect(onlyGreedy('GET', '/express/ping')).toMatchObject({ pathParameters: { proxy: 'ping' } });
  });
});
