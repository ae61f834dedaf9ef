import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPing } from './check-ping';
import { appNameOf } from '../sam-model/frameworks';
import { readTemplate } from '../sam-model/read-template';
import { readPingUrls } from './read-ping-urls';

// `make smoke`: after `sam deploy`, read the stack's outputs and call every function's ping URL.
function stackName(): string {
  const flag = process.argv.indexOf('--stack-name');
  if (flag !== -1 && process.argv[flag + 1]) return process.argv[flag + 1] as string;
  if (process.env.STACK_NAME) return process.env.STACK_NAME;
  const config = readFileSync(join(__dirname, '..', '..', 'samconfig.toml'), 'utf8');
  const match = /^stack_name\s*=\s*"([^"]+)"/m.exec(config);
  if (!match?.[1]) throw new Error('no stack_name in samconfig.toml; pass --stack-name');
  return match[1];
}

/** `sam list stack-outputs` as JSON; sam's own error reaches the terminal once, through stderr. */
function readStackOutputs(name: string): string {
  try {
    return execFileSync('sam', ['list', 'stack-outputs', '--stack-name', name, '--output', 'json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('the AWS SAM CLI is not installed (or not on PATH); install a release that supports nodejs24.x', { cause: error });
    }
    throw new Error(`sam list stack-outputs failed for stack ${name} (its error is above); is the stack deployed in your default region?`, {
      cause: error,
    });
  }
}

async function main(): Promise<void> {
  const name = stackName();
  console.log(`Reading the outputs of stack ${name} (sam list stack-outputs)...`);
  const outputs = readStackOutputs(name);
  // Each app's buffered function answers /<app>/ping; its streaming function serves only /<app>/stream.
  const apps = readTemplate(join(__dirname, '..', '..', 'template.yaml'))
    .functions.filter((fn) => !fn.responseStreaming)
    .map(appNameOf);
  const checks = await Promise.all(readPingUrls(outputs, apps).map((target) => checkPing(target)));
  for (const check of checks) console.log(`${check.ok ? 'ok  ' : 'FAIL'} ${check.target.url}  ${check.detail}`);
  if (checks.some((check) => !check.ok)) process.exitCode = 1;
  else console.log(`All ${checks.length} functions answer.`);
}

main().catch((error: unknown) => {
  console.error(`smoke: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
