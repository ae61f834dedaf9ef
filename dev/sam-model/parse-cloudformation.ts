import { parse, type CollectionTag, type ScalarTag, type YAMLMap, type YAMLSeq } from 'yaml';

// CloudFormation's short forms. Each may tag a scalar, a sequence or a mapping; whatever it tags
// becomes the long form (`!Sub x` is `{ "Fn::Sub": "x" }`), so one resolver serves both spellings.
const FUNCTIONS = [
  'And',
  'Base64',
  'Cidr',
  'Equals',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'If',
  'ImportValue',
  'Join',
  'Length',
  'Not',
  'Or',
  'Select',
  'Split',
  'Sub',
  'ToJsonString',
  'Transform',
];

function longFormOf(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

// `!GetAtt Resource.Attribute` is the one short form whose scalar differs from its long form.
function scalarArgument(name: string, value: string): unknown {
  if (name !== 'GetAtt') return value;
  const dot = value.indexOf('.');
  return dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
}

function tagsFor(name: string): Array<ScalarTag | CollectionTag> {
  const key = longFormOf(name);
  const tag = `!${name}`;
  const fromCollection = (value: YAMLMap.Parsed | YAMLSeq.Parsed): unknown => ({ [key]: value.toJSON() });
  return [
    { tag, resolve: (value: string) => ({ [key]: scalarArgument(name, value) }) },
    { tag, collection: 'seq', resolve: fromCollection },
    { tag, collection: 'map', resolve: fromCollection },
  ];
}

const CLOUDFORMATION_TAGS = ['Ref', 'Condition', ...FUNCTIONS].flatMap(tagsFor);

/** Parses a CloudFormation/SAM template's YAML, short-form intrinsics turned into long form. */
export function parseCloudFormation(text: string): unknown {
  return parse(text, { customTags: CLOUDFORMATION_TAGS, uniqueKeys: true });
}
