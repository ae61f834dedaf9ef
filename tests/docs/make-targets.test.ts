import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..');
const make = spawnSync('sh', ['-c', 'command -v make'], { encoding: 'utf8' }).stdout.trim();

// A PATH that holds make and nothing else: no sam, no docker.
const binDir = mkdtempSync(join(tmpdir(), 'make-bin-'));
symlinkSync(make, join(binDir, 'make'));
afterAll(() => rmSync(binDir, { recursive: true, force: true }));

describe('a make target that needs the SAM CLI, run without it', () => {
  it.each(['build', 'deploy', 'invoke-sam', 'local-sam', 'delete'])('make %s names the target that was typed, in one line', (target) => {
    const run = spawnSync(join(binDir, 'make'), ['-s', '-C', REPO_ROOT, target], { encoding: 'utf8', env: { PATH: binDir } });
    expect(run.status).not.toBe(0);
    const lines = run.stderr.split('\n').filter((line) => line.startsWith('make ') && line.includes('not installed'));
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^make ${target}: the AWS SAM CLI is not installed`))]);
  });
});
