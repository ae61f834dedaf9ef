import type { TemplateHttpRoute } from '../../sam-model/read-http-apis';
import { DEFAULT_ROUTE } from '../../sam-model/read-http-apis';
import { bindParameters, compareSegments, parseSegment, splitPath, type Segment } from '../path-template';

/** A request's HTTP API route and the path parameters its path gives (null when it has none). */
export interface HttpRouteMatch {
  route: TemplateHttpRoute;
  pathParameters: Record<string, string> | null;
}

interface CompiledRoute {
  route: TemplateHttpRoute;
  segments: Segment[];
}

/**
 * Compiles the routes of one HTTP API stage. As "Working with routes for HTTP APIs" lays it
 * out: the most specific path wins (a literal segment before a {param}, a {param} before a
 * {greedy+}), a route for the request's method before an ANY route on the same path, and the
 * `$default` route takes what no other route does. Unlike a REST API, a path whose routes lack
 * the method is not a dead end: the request falls through to a less specific route.
 */
export function compileHttpRoutes(routes: readonly TemplateHttpRoute[]): (method: string, path: string) => HttpRouteMatch | undefined {
  const fallback = routes.find((route) => route.path === DEFAULT_ROUTE);
  const compiled: CompiledRoute[] = routes
    .filter((route) => route.path !== DEFAULT_ROUTE)
    .map((route) => ({ route, segments: splitPath(route.path).map(parseSegment) }))
    .sort((a, b) => compareSegments(a.segments, b.segments) || Number(a.route.method === 'ANY') - Number(b.route.method === 'ANY'));

  return (method, path) => {
    const parts = splitPath(path);
    for (const { route, segments } of compiled) {
      if (route.method !== method && route.method !== 'ANY') continue;
      const parameters = bindParameters(segments, parts);
      if (parameters) return { route, pathParameters: Object.keys(parameters).length === 0 ? null : parameters };
    }
    return fallback && { route: fallback, pathParameters: null };
  };
}
