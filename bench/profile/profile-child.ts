// Runs one subject's scenario many times in a row under `node --cpu-prof`: the profile then shows
// where a warm invocation's time goes. Run as plain JS (no TS loader) by profile-warm.ts.
import { createRequire } from 'node:module';
import { makeContext } from '../harness/lambda-context';
import { makeScenarios } from '../scenarios';

type Handler = (input: unknown, context: unknown) => Promise<unknown>;

async function main(): Promise<void> {
  const [bundle, framework, input, scenarioIndex, count] = process.argv.slice(2) as [string, string, string, string, string];
  const scenario = makeScenarios(framework)[Number(scenarioIndex)];
  if (!scenario) throw new Error(`no scenario ${scenarioIndex}`);
  const { handler } = createRequire(__filename)(bundle) as { handler: Handler };
  const context = makeContext('profile-0001');
  const invocations = Number(count);
  // Inputs made up front, as in the warm benchmark, so the profile shows only the subject.
  const inputs = Array.from({ length: invocations }, () => (input === 'direct' ? scenario.direct : scenario.makeEvent()));
  for (const each of inputs) await handler(each, context);
  process.exit(0);
}

void main();
