import { decodePath } from './decode-component';

/** A route's path template (`/users/{id}/{proxy+}`) as API Gateway matches it: REST and HTTP APIs alike. */
export type Segment = { kind: 'literal'; text: string } | { kind: 'parameter'; name: string } | { kind: 'greedy'; name: string };

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
