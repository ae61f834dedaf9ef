// npm run lint:template: cfn-lint on template.yaml (it runs the real SAM transform). cfn-lint is a
// Python tool, not an npm package: when it is missing this says how to install it and fails, so a
// check that did not run is never mistaken for one that passed. Plain CommonJS: no dependencies.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const run = spawnSync('cfn-lint', ['template.yaml'], { cwd: root, stdio: 'inherit' });

if (run.error && run.error.code === 'ENOENT') {
  console.error('cfn-lint is not installed, so template.yaml was not validated.');
  console.error('Install it with `pip install cfn-lint` (Python 3), then run `npm run lint:template` again.');
  process.exit(127);
}
if (run.error) throw run.error;
if (run.status === 0) console.log('cfn-lint: template.yaml has no errors or warnings');
process.exit(run.status ?? 1);
