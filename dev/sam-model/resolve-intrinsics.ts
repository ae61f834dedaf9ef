/**
 * Resolves the intrinsic functions a local run can answer without AWS: Ref to parameters (their
 * defaults), pseudo parameters and resources (a resource's Ref is its logical id, as `sam local`
 * does), Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::FindInMap, Fn::Base64, and Fn::GetAtt as a
 * `Resource.Attribute` placeholder. Anything else resolves to undefined: the caller decides
 * whether that matters.
 */
export interface TemplateScope {
  parameters: Record<string, unknown>;
  resources: ReadonlySet<string>;
  mappings: Record<string, unknown>;
}

// Values a deployed stack would get from AWS; locally they only need to look plausible.
const PSEUDO_PARAMETERS: Record<string, string> = {
  'AWS::AccountId': '000000000000',
  'AWS::Partition': 'aws',
  'AWS::Region': 'xx-local-1',
  'AWS::StackId': 'arn:aws:cloudformation:xx-local-1:000000000000:stack/local/00000000-0000-0000-0000-000000000000',
  'AWS::StackName': 'local',
  'AWS::URLSuffix': 'amazonaws.com',
};

type Resolver = (argument: unknown, scope: TemplateScope) => unknown;

function resolveRef(name: unknown, scope: TemplateScope): unknown {
  if (typeof name !== 'string' || name === 'AWS::NoValue') return undefined;
  if (name in PSEUDO_PARAMETERS) return PSEUDO_PARAMETERS[name];
  if (name in scope.parameters) return scope.parameters[name];
  return scope.resources.has(name) ? name : undefined;
}

function resolveGetAtt(argument: unknown): unknown {
  return Array.isArray(argument) && argument.every((part) => typeof part === 'string') ? argument.join('.') : undefined;
}

/** Fills `${Name}` and `${Resource.Attribute}`; `${!Literal}` stays as `${Literal}`. */
function substitute(template: string, variables: Record<string, unknown>, scope: TemplateScope): string | undefined {
  let out = '';
  let at = 0;
  while (at < template.length) {
    const start = template.indexOf('${', at);
    const end = start < 0 ? -1 : template.indexOf('}', start);
    if (start < 0 || end < 0) return out + template.slice(at);
    out += template.slice(at, start);
    const name = template.slice(start + 2, end);
    at = end + 1;
    if (name.startsWith('!')) {
      out += `\${${name.slice(1)}}`;
      continue;
    }
    const value = name in variables ? resolveIntrinsics(variables[name], scope) : name.includes('.') ? name : resolveRef(name, scope);
    if (value === undefined) return undefined;
    out += String(value);
  }
  return out;
}

function resolveSub(argument: unknown, scope: TemplateScope): unknown {
  if (typeof argument === 'string') return substitute(argument, {}, scope);
  if (!Array.isArray(argument) || typeof argument[0] !== 'string') return undefined;
  const variables = (argument[1] ?? {}) as Record<string, unknown>;
  return substitute(argument[0], variables, scope);
}

function resolveJoin(argument: unknown, scope: TemplateScope): unknown {
  if (!Array.isArray(argument) || typeof argument[0] !== 'string') return undefined;
  const parts = resolveIntrinsics(argument[1], scope);
  if (!Array.isArray(parts) || parts.some((part) => part === undefined)) return undefined;
  return parts.map(String).join(argument[0]);
}

function resolveSelect(argument: unknown, scope: TemplateScope): unknown {
  if (!Array.isArray(argument)) return undefined;
  const list = resolveIntrinsics(argument[1], scope);
  return Array.isArray(list) ? list[Number(resolveIntrinsics(argument[0], scope))] : undefined;
}

function resolveSplit(argument: unknown, scope: TemplateScope): unknown {
  if (!Array.isArray(argument) || typeof argument[0] !== 'string') return undefined;
  const text = resolveIntrinsics(argument[1], scope);
  return typeof text === 'string' ? text.split(argument[0]) : undefined;
}

function resolveFindInMap(argument: unknown, scope: TemplateScope): unknown {
  if (!Array.isArray(argument)) return undefined;
  const [map, top, second] = argument.map((part) => resolveIntrinsics(part, scope));
  const level = (value: unknown, key: unknown): unknown =>
    value && typeof value === 'object' ? (value as Record<string, unknown>)[String(key)] : undefined;
  return level(level(level(scope.mappings, map), top), second);
}

function resolveBase64(argument: unknown, scope: TemplateScope): unknown {
  const text = resolveIntrinsics(argument, scope);
  return typeof text === 'string' ? Buffer.from(text).toString('base64') : undefined;
}

const RESOLVERS: Record<string, Resolver> = {
  Ref: resolveRef,
  'Fn::GetAtt': resolveGetAtt,
  'Fn::Sub': resolveSub,
  'Fn::Join': resolveJoin,
  'Fn::Select': resolveSelect,
  'Fn::Split': resolveSplit,
  'Fn::FindInMap': resolveFindInMap,
  'Fn::Base64': resolveBase64,
};

function intrinsicName(value: object): string | undefined {
  const keys = Object.keys(value);
  const key = keys[0];
  return keys.length === 1 && key !== undefined && (key === 'Ref' || key.startsWith('Fn::')) ? key : undefined;
}

/** `value` with every intrinsic it holds resolved (undefined where one cannot be). */
export function resolveIntrinsics(value: unknown, scope: TemplateScope): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveIntrinsics(item, scope));
  if (value === null || typeof value !== 'object') return value;
  const name = intrinsicName(value);
  if (name !== undefined) {
    const resolver = RESOLVERS[name];
    return resolver ? resolver((value as Record<string, unknown>)[name], scope) : undefined;
  }
  const resolved: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) resolved[key] = resolveIntrinsics(item, scope);
  return resolved;
}
