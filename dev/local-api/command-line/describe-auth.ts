import type { SamTemplate } from '../../sam-model/read-template';

/**
 * The start-up notes on auth: that authorizers are off, or each route whose auth cannot be
 * checked without AWS (AWS_IAM signatures, Cognito and JWT tokens) and what happens to it.
 */
export function describeAuth(
  template: Pick<SamTemplate, 'routes' | 'httpRoutes'>,
  options: { disableAuthorizer?: boolean; refuseUncheckedAuth?: boolean },
): string[] {
  const routes = [
    ...template.routes.map((route) => ({ label: `${route.method} ${route.path}`, authorizer: route.authorizer })),
    ...template.httpRoutes.map((route) => ({ label: `HTTP API ${route.method} ${route.path}`, authorizer: route.authorizer })),
  ];
  const guarded = routes.filter((route) => route.authorizer !== undefined);
  if (guarded.length === 0) return [];
  if (options.disableAuthorizer) return [`Note: --disable-authorizer: ${guarded.length} route(s) served without their authorizers.`];
  const outcome = options.refuseUncheckedAuth ? 'refused with 401 (--refuse-unchecked-auth)' : 'let through, as sam local does';
  return routes.flatMap(({ label, authorizer }) =>
    authorizer?.kind === 'unchecked'
      ? [`Note: ${label} uses ${authorizer.type} auth (${authorizer.name}), which cannot be checked offline: requests are ${outcome}.`]
      : [],
  );
}
