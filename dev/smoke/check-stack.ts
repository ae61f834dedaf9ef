import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPing } from './check-ping';
import { readPingUrls } from './read-ping-urls';

// `make smoke`: after `sam deploy`, read the stack's outputs and call the three ping URLs.
function stackName(): string {
  const flag = process.argv.indexOf('--stack-name');
  if (flag !== -1 && process.argv[flag + 1]) return process.argv[flag + 1] as string;
  if (process.env.STACK_NAME) return process.env.STACK_NAME;
  const config = readFileSync(join(__dirname, '..', '..', 'samconfig.toml'), 'utf8');
  const match = /^stack_name\s*=\s*"([^"]+)"/m.exec(config);
  if (!match?.[1]) throw new Error('no stack_name in samconfig.toml; pass --stack-name');
  return match[1];
}

async function main(): Promise<void> {
  const name = stackName();
  console.log(`Reading the outputs of stack ${name} (sam list stack-outputs)...`);
  const outputs = execFileSync('sam', ['list', 'stack-outputs', '--stack-name', name, '--output', 'json'], { encoding: 'utf8' });
  const checks = await Promise.all(readPingUrls(outputs).map((target) => checkPing(target)));
  for (const check of checks) console.log(`${check.ok ? 'ok  ' : 'FAIL'} ${check.target.url}  ${check.detail}`);
  if (checks.some((check) => !check.ok)) process.exitCode = 1;
  else console.log('All three functions answer.');
}

main().catch((error: unknown) => {
  console.error(`smoke: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
