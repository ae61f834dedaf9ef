// Runs in a fresh Node process (bundled to plain JS): loads an artifact's handler as Lambda's
// Node.js runtime does, invokes it with each event in turn and writes what it saw as JSON.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createLambdaContext } from '../../dev/sam-model/create-lambda-context';
import { loadHandler } from '../../dev/sam-model/load-handler';
import type { ArtifactRun, RunnerReport } from './invoke-artifact';

async function main(): Promise<void> {
  const [runFile, reportFile] = process.argv.slice(2) as [string, string];
  const run = JSON.parse(readFileSync(runFile, 'utf8')) as ArtifactRun;
  const fromArtifact = createRequire(join(run.artifactDir, 'noop.js'));
  const resolvable = run.packages.filter((name) => {
    try {
      fromArtifact.resolve(name);
      return true;
    } catch {
      return false;
    }
  });
  const handler = await loadHandler(run.artifactDir, run.handler);
  const report: RunnerReport = { resolvable, handlerLength: handler.length, invocations: [] };
  for (const { file, event } of run.events) {
    const context = createLambdaContext({
      functionName: run.functionName,
      memorySize: run.memorySize,
      awsRequestId: `artifact-${file}`,
      deadlineMs: Date.now() + run.timeoutSeconds * 1000,
    });
    const before = Date.now();
    const returned = handler(event, context);
    const returnedPromise = returned instanceof Promise;
    const result = (await returned) as Record<string, unknown>;
    report.invocations.push({ file, returnedPromise, before, after: Date.now(), result });
  }
  writeFileSync(reportFile, JSON.stringify(report));
  // Apps may leave timers or sockets behind; the runtime would freeze them, we end the process.
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
