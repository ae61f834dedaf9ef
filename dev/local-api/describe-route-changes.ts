import type { SamTemplate } from '../sam-model/read-template';

// `GET /items/{id} -> ItemsFunction`, `HTTP API ANY $default -> Fallback`, `URL -> UrlFunction`.
function routeKeys(template: SamTemplate): Set<string> {
  return new Set([
    ...template.routes.map((route) => `${route.method} ${route.path} -> ${route.functionId}`),
    ...template.httpRoutes.map((route) => {
      const stage = route.api.stageName === '$default' ? '' : ` (stage ${route.api.stageName})`;
      return `HTTP API ${route.method} ${route.path}${stage} -> ${route.functionId}`;
    }),
    ...template.functions.filter((fn) => fn.functionUrl).map((fn) => `Function URL -> ${fn.logicalId}`),
  ]);
}

/** The routes a reload added and removed, for the line that says what changed. */
export function describeRouteChanges(before: SamTemplate, after: SamTemplate): string[] {
  const oldRoutes = routeKeys(before);
  const newRoutes = routeKeys(after);
  return [
    ...[...newRoutes].filter((route) => !oldRoutes.has(route)).map((route) => `route ${route} added`),
    ...[...oldRoutes].filter((route) => !newRoutes.has(route)).map((route) => `route ${route} removed`),
  ];
}
