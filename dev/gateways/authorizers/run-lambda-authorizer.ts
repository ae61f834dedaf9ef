import type { LambdaAuthorizer } from '../../sam-model/sam-template';
import type { AuthorizerAnswers, Authorization, InvokeFunction } from './authorization';
import type { AuthorizerCache } from './authorizer-cache';
import { evaluatePolicy } from './evaluate-policy';
import { InvalidAuthorizerResult, type AuthorizerResult } from './read-authorizer-result';
import { countIdentitySources } from './read-identity';

/** One request's authorization by a Lambda authorizer: the parts in which REST and HTTP APIs differ. */
export interface LambdaAuthorization {
  authorizer: LambdaAuthorizer;
  /** The API the authorizer belongs to (its logical id): each API caches its own results, as in AWS. */
  apiId: string;
  /** The identity sources' values; undefined when one is missing or empty. */
  identity: string[] | undefined;
  /** The ARN a policy is evaluated against: the REST methodArn, the HTTP API routeArn. */
  arn: string;
  createEvent(identity: string[]): unknown;
  /** Throws InvalidAuthorizerResult when the gateway cannot use the answer. */
  readResult(payload: string): AuthorizerResult;
  /** `requestContext.authorizer` as the integration receives it. */
  toRequestContext(result: AuthorizerResult, latencyMs: number): Record<string, unknown>;
  answers: AuthorizerAnswers;
  /** REST: an authorizer failing with the message `Unauthorized` asks for a 401. */
  unauthorizedError: boolean;
  cache: AuthorizerCache;
  invoke: InvokeFunction;
}

// A ValidationExpression is compiled once, not per request (the template has few of them).
const compiled = new Map<string, RegExp>();
const validationOf = (pattern: string): RegExp => {
  let regexp = compiled.get(pattern);
  if (!regexp) compiled.set(pattern, (regexp = new RegExp(`^(?:${pattern})$`)));
  return regexp;
};

// The runtime reports a thrown Error('Unauthorized') as `Error: Unauthorized`.
const UNAUTHORIZED_ERROR = /^[\w.]*: Unauthorized$/;

function decide(result: AuthorizerResult, arn: string): 'allow' | 'explicit-deny' | 'implicit-deny' {
  if (result.kind === 'simple') return result.isAuthorized ? 'allow' : 'explicit-deny';
  return evaluatePolicy(result.statements, arn);
}

/**
 * Authorizes one request as API Gateway does: a missing identity or a token failing the
 * ValidationExpression is refused 401 without calling the authorizer; a cached result for the
 * same identity is reused within ReauthorizeEvery (its policy evaluated against this request's
 * ARN, as API Gateway evaluates a cached policy); otherwise the authorizer function runs.
 */
export async function runLambdaAuthorizer(call: LambdaAuthorization): Promise<Authorization> {
  const { authorizer, identity, answers } = call;
  if (identity === undefined) return { allowed: false, answer: answers.unauthorized };
  const pattern = authorizer.validationExpression;
  if (pattern !== undefined && !(identity[0] !== undefined && validationOf(pattern).test(identity[0])))
    return { allowed: false, answer: answers.unauthorized };

  const cacheable = authorizer.ttlSeconds > 0 && countIdentitySources(authorizer.identity) > 0;
  const key = [call.apiId, authorizer.name, ...identity].join('\u0000');
  let result = cacheable ? call.cache.get(key) : undefined;
  const started = performance.now();
  if (!result) {
    const outcome = await call.invoke(authorizer.functionId, call.createEvent(identity));
    if (!outcome.ok) {
      if (call.unauthorizedError && UNAUTHORIZED_ERROR.test(outcome.reason)) return { allowed: false, answer: answers.unauthorized };
      return {
        allowed: false,
        answer: answers.failed,
        reason: `authorizer ${authorizer.name} (${authorizer.functionId}) failed: ${outcome.reason}`,
      };
    }
    try {
      result = call.readResult(outcome.payload);
    } catch (error) {
      if (!(error instanceof InvalidAuthorizerResult)) throw error;
      return {
        allowed: false,
        answer: answers.failed,
        reason: `authorizer ${authorizer.name} (${authorizer.functionId}) answered an invalid result: ${error.message}`,
      };
    }
    if (cacheable) call.cache.set(key, result, authorizer.ttlSeconds);
  }
  const verdict = decide(result, call.arn);
  if (verdict !== 'allow') return { allowed: false, answer: answers.forbidden(verdict === 'explicit-deny') };
  return { allowed: true, requestContextAuthorizer: call.toRequestContext(result, Math.round(performance.now() - started)) };
}
