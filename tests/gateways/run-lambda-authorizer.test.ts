import { createAuthorizerCache } from '../../dev/gateways/authorizers/authorizer-cache';
import { readPolicyResult } from '../../dev/gateways/authorizers/read-authorizer-result';
import { runLambdaAuthorizer, type LambdaAuthorization } from '../../dev/gateways/authorizers/run-lambda-authorizer';
import type { HttpAnswer } from '../../dev/gateways/read-lambda-result';
import type { LambdaAuthorizer } from '../../dev/sam-model/sam-template';

const answer = (statusCode: number): HttpAnswer => ({ statusCode, headers: new Map(), body: Buffer.alloc(0) });

// Two APIs of one template, each with an authorizer named TokenAuth, each its own function.
const authorizerOf = (functionId: string): LambdaAuthorizer => ({
  kind: 'lambda',
  name: 'TokenAuth',
  functionId,
  payloadType: 'TOKEN',
  identity: { headers: ['Authorization'], queryStrings: [], stageVariables: [], context: [] },
  validationExpression: undefined,
  ttlSeconds: 300,
  payloadFormatVersion: undefined,
  simpleResponses: false,
});

const allowAll = JSON.stringify({
  principalId: 'user',
  policyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: '*' }] },
});
const denyAll = JSON.stringify({
  principalId: 'user',
  policyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'execute-api:Invoke', Resource: '*' }] },
});

describe('the authorizer cache', () => {
  const cache = createAuthorizerCache();
  const ran: string[] = [];
  const call = (apiId: string, functionId: string): LambdaAuthorization => ({
    authorizer: authorizerOf(functionId),
    apiId,
    identity: ['token-1'],
    arn: `arn:aws:execute-api:xx-local-1:000000000000:${apiId}/live/GET/orders`,
    createEvent: () => ({}),
    readResult: (payload) => readPolicyResult(payload, true),
    toRequestContext: () => ({}),
    answers: { unauthorized: answer(401), forbidden: () => answer(403), failed: answer(500) },
    unauthorizedError: true,
    cache,
    invoke: (id) => {
      ran.push(id);
      return Promise.resolve({ ok: true, payload: id === 'AllowFunction' ? allowAll : denyAll });
    },
  });

  it("keeps each API's results apart: an Allow cached for one API is not reused by another API's authorizer of the same name", async () => {
    expect((await runLambdaAuthorizer(call('PublicApi', 'AllowFunction'))).allowed).toBe(true);
    expect((await runLambdaAuthorizer(call('AdminApi', 'DenyFunction'))).allowed).toBe(false);
    expect((await runLambdaAuthorizer(call('PublicApi', 'AllowFunction'))).allowed).toBe(true);
    expect(ran).toEqual(['AllowFunction', 'DenyFunction']);
  });
});
