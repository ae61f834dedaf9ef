/** A policy's verdict on one ARN: IAM's order, so an explicit Deny beats any Allow. */
export type PolicyVerdict = 'allow' | 'explicit-deny' | 'implicit-deny';

export interface PolicyStatement {
  effect: 'Allow' | 'Deny';
  actions: string[];
  resources: string[];
}

const INVOKE_ACTION = 'execute-api:Invoke';

// IAM's wildcards: `*` any run of characters (`/` included), `?` any one character.
function wildcardMatches(pattern: string, text: string, ignoreCase: boolean): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '.*')
    .replaceAll('?', '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(text);
}

/**
 * Evaluates an authorizer's policy for invoking `arn`, as API Gateway does: a statement applies
 * when one of its actions matches `execute-api:Invoke` (actions ignore case) and one of its
 * resources matches the ARN (resources do not).
 */
export function evaluatePolicy(statements: readonly PolicyStatement[], arn: string): PolicyVerdict {
  const applying = statements.filter(
    (statement) =>
      statement.actions.some((action) => wildcardMatches(action, INVOKE_ACTION, true)) &&
      statement.resources.some((resource) => wildcardMatches(resource, arn, false)),
  );
  if (applying.some((statement) => statement.effect === 'Deny')) return 'explicit-deny';
  return applying.some((statement) => statement.effect === 'Allow') ? 'allow' : 'implicit-deny';
}
