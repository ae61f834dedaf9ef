import path from 'node:path';

import type { Framework } from '../dev/sam-model/frameworks';

// report.ts takes them from here.
export { FRAMEWORKS, type Framework } from '../dev/sam-model/frameworks';

/** ours: the shared helper; peer: an adapter people use today; floors: what no adapter can beat. */
export type Role = 'ours' | 'peer' | 'framework floor' | 'bare floor';

export interface Subject {
  /** `<framework>/<name>`: also the entry file under bench/subjects/. */
  readonly id: string;
  readonly framework: Framework;
  readonly name: string;
  readonly role: Role;
  /** How it is called: with a Lambda event, or (framework floor) with a request in Node's terms. */
  readonly input: 'event' | 'direct';
  readonly entry: string;
}

const SUBJECTS_DIR = path.join(__dirname, 'subjects');

function subject(framework: Framework, name: string, role: Role): Subject {
  return {
    id: `${framework}/${name}`,
    framework,
    name,
    role,
    input: role === 'framework floor' ? 'direct' : 'event',
    entry: path.join(SUBJECTS_DIR, framework, `${name}.ts`),
  };
}

/** Every subject, grouped by framework; each framework's subjects serve the identical app. */
export const SUBJECTS: readonly Subject[] = [
  subject('express', 'ours', 'ours'),
  subject('express', 'serverless-http', 'peer'),
  subject('express', 'codegenie', 'peer'),
  subject('express', 'direct', 'framework floor'),
  subject('express', 'bare', 'bare floor'),
  subject('koa', 'ours', 'ours'),
  subject('koa', 'serverless-http', 'peer'),
  subject('koa', 'codegenie', 'peer'),
  subject('koa', 'direct', 'framework floor'),
  subject('koa', 'bare', 'bare floor'),
  subject('fastify', 'ours', 'ours'),
  subject('fastify', 'serverless-http', 'peer'),
  subject('fastify', 'fastify-aws-lambda', 'peer'),
  subject('fastify', 'direct', 'framework floor'),
  subject('fastify', 'bare', 'bare floor'),
];

/** Column headings: the package a peer is, or what a floor stands for. */
export const SUBJECT_LABELS: Readonly<Record<string, string>> = {
  ours: 'ours (shared/)',
  'serverless-http': 'serverless-http 4',
  codegenie: '@codegenie/serverless-express 5',
  'fastify-aws-lambda': '@fastify/aws-lambda 6',
  direct: 'framework floor',
  bare: 'bare floor',
};
