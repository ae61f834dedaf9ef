// Runs in a fresh Node process (bundled to plain JS): loads an artifact's handler as Lambda's
// Node.js runtime does, invokes it with each event in turn and writes what it saw as JSON.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { installAwsLambdaGlobal, invokeStreamingHandler, isStreamingHandler } from '../../dev/lambda-runtime/instance/awslambda-global';
import { createLambdaContext } from '../../dev/lambda-runtime/instance/create-lambda-context';
import { loadHandler } from '../../dev/lambda-runtime/instance/load-handler';
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
  // The runtime defines the global before it loads any function, buffered ones too.
  installAwsLambdaGlobal();
  const handler = await loadHandler(run.artifactDir, run.handler);
  const streaming: boolean = isStreamingHandler(handler);
  const report: RunnerReport = { resolvable, handlerLength: handler.length, streaming, invocations: [] };
  for (const { file, event } of run.events) {
    const context = createLambdaContext({
      functionName: run.functionName,
      memorySize: run.memorySize,
      awsRequestId: `artifact-${file}`,
      deadlineMs: Date.now() + run.timeoutSeconds * 1000,
    });
    const before = Date.now();
    if (streaming) {
      // What would reach the Runtime API: the stream's content type and every byte written, in order.
      const chunks: Buffer[] = [];
      const sink = new Writable({
        write(chunk: Buffer, _encoding, callback) {
          chunks.push(chunk);
          callback();
        },
      });
      const stream = await invokeStreamingHandler(handler, event, context, () => sink);
      const streamed = { contentType: stream.contentType, bytes: Buffer.concat(chunks).toString('base64') };
      report.invocations.push({ file, returnedPromise: true, before, after: Date.now(), result: {}, streamed });
      continue;
    }
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
