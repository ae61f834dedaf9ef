import { bindParameters, compareSegments, parseSegment, splitPath, type Segment } from '../path-template';
import type { TemplateRoute } from '../../sam-model/read-template';

/** A request's route and the path parameters its resource path gives. */
export interface RouteMatch {
  route: TemplateRoute;
  pathParameters: Record<string, string> | null;
}

interface Resource {
  segments: Segment[];
  methods: Map<string, TemplateRoute>;
}

/** Compiles the routes once; the returned matcher finds the route a method and raw path lead to. */
export function compileRoutes(routes: TemplateRoute[]): (method: string, rawPath: string) => RouteMatch | undefined {
  const byPath = new Map<string, Resource>();
  for (const route of routes) {
    const key = `${route.api.logicalId} ${route.path}`;
    const resource = byPath.get(key) ?? { segments: splitPath(route.path).map(parseSegment), methods: new Map() };
    resource.methods.set(route.method, route);
    byPath.set(key, resource);
  }
  const resources = [...byPath.values()].sort((a, b) => compareSegments(a.segments, b.segments));

  return (method, rawPath) => {
    const parts = splitPath(rawPath);
    for (const resource of resources) {
      const parameters = bindParameters(resource.segments, parts);
      if (!parameters) continue;
      // API Gateway picks the resource first: a method it lacks is not looked for elsewhere.
      const route = resource.methods.get(method) ?? resource.methods.get('ANY');
      if (!route) return undefined;
      return { route, pathParameters: Object.keys(parameters).length === 0 ? null : parameters };
    }
    return undefined;
  };
}
