import { decodePath } from './decode-component';
import type { TemplateRoute } from '../sam-model/read-template';

/** A request's route and the path parameters its resource path gives. */
export interface RouteMatch {
  route: TemplateRoute;
  pathParameters: Record<string, string> | null;
}

export type Segment = { kind: 'literal'; text: string } | { kind: 'parameter'; name: string } | { kind: 'greedy'; name: string };

interface Resource {
  segments: Segment[];
  methods: Map<string, TemplateRoute>;
}

// API Gateway prefers, segment by segment, a literal over a {param} over a {greedy+}.
const RANK: Record<Segment['kind'], number> = { literal: 0, parameter: 1, greedy: 2 };

export function splitPath(path: string): string[] {
  const trimmed = path.startsWith('/') ? path.slice(1) : path;
  return trimmed === '' ? [] : trimmed.split('/');
}

export function parseSegment(text: string): Segment {
  if (!text.startsWith('{') || !text.endsWith('}')) return { kind: 'literal', text };
  const name = text.slice(1, -1);
  return name.endsWith('+') ? { kind: 'greedy', name: name.slice(0, -1) } : { kind: 'parameter', name };
}

/** Negative when `a` is the more specific path: segment by segment, a literal before a {param} before a {greedy+}. */
export function compareSegments(a: readonly Segment[], b: readonly Segment[]): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const left = a[i];
    const right = b[i];
    if (!left || !right) return left ? -1 : 1;
    const difference = RANK[left.kind] - RANK[right.kind];
    if (difference !== 0) return difference;
  }
  return 0;
}

export function bindParameters(segments: readonly Segment[], parts: readonly string[]): Record<string, string> | undefined {
  const parameters: Record<string, string> = {};
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i] as Segment;
    const part = parts[i];
    if (segment.kind === 'greedy') {
      const rest = parts.slice(i);
      // A greedy parameter needs at least one non-empty segment: `/express/` does not reach `/express/{proxy+}`.
      if (rest.length === 0 || rest.every((item) => item === '')) return undefined;
      parameters[segment.name] = decodePath(rest.join('/'));
      return parameters;
    }
    if (part === undefined || part === '') return undefined;
    if (segment.kind === 'literal' && segment.text !== part) return undefined;
    if (segment.kind === 'parameter') parameters[segment.name] = decodePath(part);
  }
  return parts.length === segments.length ? parameters : undefined;
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
