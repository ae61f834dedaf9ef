import { isRecord } from '../../sam-model/is-record';
import type { PolicyStatement } from './evaluate-policy';

/** An authorizer's answer once read: an IAM policy, or an HTTP API simple response. */
export type AuthorizerResult =
  | { kind: 'policy'; principalId: string | undefined; statements: PolicyStatement[]; context: AuthorizerContext }
  | { kind: 'simple'; isAuthorized: boolean; context: AuthorizerContext };

export type AuthorizerContext = Record<string, string | number | boolean>;

/** Why the gateway cannot use an authorizer's answer: it answers 500 and the console says this. */
export class InvalidAuthorizerResult extends Error {
  override name = 'InvalidAuthorizerResult';
}

const fail = (reason: string): never => {
  throw new InvalidAuthorizerResult(reason);
};

const listOf = (value: unknown, what: string): string[] => {
  const list = Array.isArray(value) ? value : [value];
  return list.every((item) => typeof item === 'string') ? (list as string[]) : fail(`${what} is not a string or a list of strings`);
};

// API Gateway takes only flat values in the context: "you can't set a JSON object or array".
function readContext(value: unknown): AuthorizerContext {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) return fail('context is not an object');
  for (const [key, item] of Object.entries(value)) {
    if (!['string', 'number', 'boolean'].includes(typeof item)) fail(`context.${key} is not a string, number or boolean`);
  }
  return value as AuthorizerContext;
}

function readStatement(value: unknown, index: number): PolicyStatement {
  if (!isRecord(value)) return fail(`Statement[${index}] is not an object`);
  const effect = value['Effect'];
  if (effect !== 'Allow' && effect !== 'Deny') return fail(`Statement[${index}].Effect is ${JSON.stringify(effect)}, not Allow or Deny`);
  return {
    effect,
    actions: listOf(value['Action'], `Statement[${index}].Action`),
    resources: listOf(value['Resource'], `Statement[${index}].Resource`),
  };
}

// The document may come as an object or as its JSON text; text that does not parse is the authorizer's fault.
function readPolicyDocument(value: unknown): PolicyStatement[] {
  let document = value;
  if (typeof value === 'string') {
    try {
      document = JSON.parse(value);
    } catch {
      return fail('policyDocument is a string that is not JSON');
    }
  }
  if (!isRecord(document)) return fail('policyDocument is missing or not an object');
  const statements = document['Statement'];
  if (statements === undefined) return fail('policyDocument has no Statement');
  return (Array.isArray(statements) ? statements : [statements]).map(readStatement);
}

function parse(payload: string): Record<string, unknown> {
  let result: unknown;
  try {
    result = JSON.parse(payload);
  } catch {
    return fail('the result is not JSON');
  }
  return isRecord(result) ? result : fail('the result is not an object');
}

/** Reads an IAM policy answer (`principalId`, `policyDocument`, `context`); `principalId` is required by REST APIs. */
export function readPolicyResult(payload: string, requirePrincipal: boolean): AuthorizerResult {
  const result = parse(payload);
  const principal = result['principalId'];
  if (principal !== undefined && typeof principal !== 'string' && typeof principal !== 'number') fail('principalId is not a string');
  if (principal === undefined && requirePrincipal) fail('principalId is missing');
  return {
    kind: 'policy',
    principalId: principal === undefined ? undefined : String(principal),
    statements: readPolicyDocument(result['policyDocument']),
    context: readContext(result['context']),
  };
}

/** Reads an HTTP API simple response: `{isAuthorized: boolean, context?}`. */
export function readSimpleResult(payload: string): AuthorizerResult {
  const result = parse(payload);
  const isAuthorized = result['isAuthorized'];
  if (typeof isAuthorized !== 'boolean') fail('isAuthorized is not a boolean');
  return { kind: 'simple', isAuthorized: isAuthorized as boolean, context: readContext(result['context']) };
}
