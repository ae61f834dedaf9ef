import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type CollectionTag, type ScalarTag, type YAMLMap, type YAMLSeq } from 'yaml';

export const REPO_ROOT = join(__dirname, '..', '..');

// CloudFormation's short forms: `!Ref X` is `{ Ref: X }`, `!Sub s` is `{ 'Fn::Sub': s }`, and so on.
const SHORT_FORMS = [
  'Ref',
  'Condition',
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'And',
  'Equals',
  'If',
  'Not',
  'Or',
  'Length',
  'ToJsonString',
] as const;

function longForm(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

const CLOUDFORMATION_TAGS: (ScalarTag | CollectionTag)[] = SHORT_FORMS.flatMap((name) => {
  const key = longForm(name);
  const scalar: ScalarTag = {
    tag: `!${name}`,
    // `!GetAtt Res.Attr` is the scalar spelling of `Fn::GetAtt: [Res, Attr]`.
    resolve: (value: string) => ({ [key]: name === 'GetAtt' ? value.split('.') : value }),
  };
  const seq: CollectionTag = {
    tag: `!${name}`,
    collection: 'seq',
    resolve: (value) => ({ [key]: (value as YAMLSeq).toJSON() }),
  };
  const map: CollectionTag = {
    tag: `!${name}`,
    collection: 'map',
    resolve: (value) => ({ [key]: (value as YAMLMap).toJSON() }),
  };
  return [scalar, seq, map];
});

/** A parsed YAML/JSON value: what the template's nodes are, before a test narrows them. */
export type Node = Record<string, unknown>;

/** Parses CloudFormation YAML, short-form intrinsic functions turned into their long form. */
export function parseCloudFormation(text: string): Node {
  return parse(text, { customTags: CLOUDFORMATION_TAGS }) as Node;
}

export function loadTemplate(): Node {
  return parseCloudFormation(readFileSync(join(REPO_ROOT, 'template.yaml'), 'utf8'));
}

/** Narrows a template node to a map, failing the test with the node's path when it is not one. */
export function mapAt(node: unknown, ...path: string[]): Node {
  let current: unknown = node;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) {
      throw new Error(`template: ${path.join('.')} is not reachable (stopped before ${key})`);
    }
    current = (current as Node)[key];
  }
  if (typeof current !== 'object' || current === null || Array.isArray(current)) {
    throw new Error(`template: ${path.join('.')} is not a map`);
  }
  return current as Node;
}

export interface TemplateFunction {
  readonly logicalId: string;
  readonly properties: Node;
  readonly metadata: Node;
}

/** The template's AWS::Serverless::Function resources, in template order. */
export function serverlessFunctions(template: Node): TemplateFunction[] {
  const resources = mapAt(template, 'Resources');
  return Object.entries(resources)
    .filter(([, resource]) => (resource as Node)['Type'] === 'AWS::Serverless::Function')
    .map(([logicalId, resource]) => ({
      logicalId,
      properties: mapAt(resource, 'Properties'),
      metadata: mapAt(resource, 'Metadata'),
    }));
}
