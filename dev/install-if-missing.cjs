// Runs `npm ci` when dependencies are missing or older than package-lock.json, so that
// `npm start` works on a fresh clone. Plain CommonJS with no dependencies: it runs before any exist.
const { existsSync, statSync } = require('node:fs');
const { execSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const installed = path.join(root, 'node_modules', '.package-lock.json');
const lock = path.join(root, 'package-lock.json');

if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.log('Installing dependencies (npm ci)...');
  execSync('npm ci', { cwd: root, stdio: 'inherit' });
}
