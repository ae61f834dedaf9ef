import { bindParameters, compareSegments, parseSegment, splitPath, type Segment } from '../path-template';
import type { ApiStage, TemplateRoute } from '../../sam-model/read-template';

/** A request's resource, its route and the path parameters its resource path gives. */
export interface RouteMatch {
  /** The method's route; undefined for the OPTIONS method SAM adds to every path of an API with Cors. */
  route: TemplateRoute | undefined;
  api: ApiStage;
  /** The resource path as written, e.g. `/items/{id}`. */
  resourcePath: string;
  /** The methods the resource declares (`ANY` as written), for a preflight's Allow-Methods. */
  methods: string[];
  pathParameters: Record<string, string> | null;
}

interface Resource {
  segments: Segment[];
  path: string;
  api: ApiStage;
  methods: Map<string, TemplateRoute>;
}

/** Compiles the routes once; the returned matcher finds the route a method and raw path lead to. */
export function compileRoutes(routes: TemplateRoute[]): (method: string, rawPath: string) => RouteMatch | undefined {
  const byPath = new Map<string, Resource>();
  for (const route of routes) {
    const key = `${route.api.logicalId} ${route.path}`;
    const resource = byPath.get(key) ?? {
      segments: splitPath(route.path).map(parseSegment),
      path: route.path,
      api: route.api,
      methods: new Map(),
    };
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
      // SAM's Cors adds an OPTIONS method to each path that has none of its own; it wins over ANY, as any method does.
      const preflight = method === 'OPTIONS' && resource.api.cors !== undefined && !resource.methods.has('OPTIONS');
      const route = preflight ? undefined : (resource.methods.get(method) ?? resource.methods.get('ANY'));
      if (!route && !preflight) return undefined;
      return {
        route,
        api: resource.api,
        resourcePath: resource.path,
        methods: [...resource.methods.keys()],
        pathParameters: Object.keys(parameters).length === 0 ? null : parameters,
      };
    }
    return undefined;
  };
}
